import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Worker } from 'bullmq';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { redisConnectionOptions } from '../../../infrastructure/queue/queue.module';
import { safeErrorMessage } from '../../../shared/redact';
import { RunAttemptRunner } from './run-attempt.runner';
import { RUN_QUEUE_NAME, type RunJobData } from './run-queue';

/**
 * The BullMQ worker of runs (worker roles only: OperationRunsWorkersModule). On shutdown (SIGTERM) it stops taking jobs and gives
 * the active runs RUN_SHUTDOWN_GRACE_MS to finish; the rest are aborted and handed back at once (next attempt queued,
 * or timed_out on the last) instead of waiting for the deployment's kill and then the reaper. Their processors return
 * right after the hand-back, so BullMQ completes the old attempt's job (no stalled redelivery) and `close()` resolves.
 * A process killed harder still leaves its runs to the reaper.
 */
@Injectable()
export class RunWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RunWorker.name);
  private worker: Worker<RunJobData> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly runner: RunAttemptRunner,
  ) {}

  onApplicationBootstrap(): void {
    const { env } = this.config;
    this.worker = new Worker<RunJobData>(RUN_QUEUE_NAME, (job, token) => this.runner.run(job, token), {
      connection: { ...redisConnectionOptions(env.REDIS_URL), connectionName: 'tenantatlas:run-worker' },
      prefix: `${env.REDIS_PREFIX}:bull`,
      concurrency: env.WORKER_CONCURRENCY,
    });
    this.worker.on('error', (error) => this.logger.warn(`Run worker: ${safeErrorMessage(error)}`));
    this.worker.on('failed', (job, error) =>
      this.logger.error(`Run job ${job?.id ?? '?'} failed: ${safeErrorMessage(error)}`),
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (!this.worker) return;
    const closed = this.worker.close(); // stops fetching at once; resolves when every active job's processor returned
    const grace = this.config.env.RUN_SHUTDOWN_GRACE_MS;
    let timer: NodeJS.Timeout | undefined;
    const graceOver = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), grace)));
    const overran = await Promise.race([closed.then(() => false), graceOver]);
    clearTimeout(timer);
    if (!overran) return;
    const released = this.runner.releaseAll();
    if (released > 0) this.logger.warn(`Shutdown: ${released} run(s) still active after ${grace} ms are handed back`);
    await closed;
  }
}
