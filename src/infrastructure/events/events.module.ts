import { Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { AppConfig } from '../config/app-config';
import { closeRedis, createRedis } from '../redis/redis.module';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import { EventBus } from './event-bus';
import { Outbox } from './outbox';
import { OutboxMetrics } from './outbox-metrics';

/**
 * The process-wide EventBus with its Redis pub/sub relay (one channel per REDIS_PREFIX), and the transactional outbox
 * for domain events that must not be lost. A subscriber connection
 * cannot run commands, so it gets its own.
 */
@Module({ providers: [EventBus, Outbox, OutboxMetrics], exports: [EventBus, Outbox] })
export class EventsModule implements OnModuleInit, OnApplicationShutdown {
  private subscriber: Redis | null = null;
  private readonly logger = new Logger(EventsModule.name);

  constructor(
    private readonly bus: EventBus,
    private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  onModuleInit(): void {
    const channel = `${this.config.env.REDIS_PREFIX}:events`;
    this.subscriber = createRedis(this.config.env.REDIS_URL, 'events-subscriber');
    this.subscriber.on('message', (_channel: string, message: string) => this.bus.receive(message));
    // Not awaited: with Redis down the app must still start (readiness reports it); ioredis subscribes once connected
    // and re-subscribes after every reconnect.
    this.subscriber
      .subscribe(channel)
      .catch((error: Error) => this.logger.warn(`Event relay subscription failed: ${error.message}`));
    this.bus.useRelay({ publish: (message) => this.redis.publish(channel, message) });
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber) await closeRedis(this.subscriber);
  }
}
