import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { safeErrorMessage } from '../../shared/redact';

/**
 * Runs `sweep` every interval in at most one process at a time: each tick races for a Redis key that lives for one
 * interval, so N workers together sweep about once per interval and a crashed sweeper is replaced a tick later.
 */
export class PeriodicSweep {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private readonly logger: Logger;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly redis: Redis,
    private readonly key: string,
    private readonly sweep: () => Promise<number>,
  ) {
    this.logger = new Logger(name);
  }

  start(): void {
    this.timer ??= setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    this.running = (async () => {
      try {
        const won = await this.redis.set(this.key, '1', 'PX', Math.max(500, this.intervalMs - 100), 'NX');
        if (won !== 'OK') return;
        const handled = await this.sweep();
        if (handled) this.logger.log(`${this.name}: ${handled} item(s) handled`);
      } catch (error) {
        this.logger.warn(`${this.name} failed: ${safeErrorMessage(error)}`);
      }
    })().finally(() => (this.running = null));
    await this.running;
  }
}
