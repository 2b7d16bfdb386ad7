import { type BeforeApplicationShutdown, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { Worker } from 'bullmq';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { redisConnectionOptions } from '../../../infrastructure/queue/queue.module';
import { safeErrorMessage } from '../../../shared/redact';
import { RunProcessor } from './run-processor';
import { RUN_QUEUE_NAME, type RunJobData } from './run-queue';

/**
 * The BullMQ worker of runs, only in the worker and all roles. On shutdown (SIGTERM) it stops taking jobs and lets
 * the active ones finish (`worker.close()`); a process killed harder leaves its runs to the reaper.
 */
@Injectable()
export class RunWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RunWorker.name);
  private worker: Worker<RunJobData> | null = null;

  constructor(
    private readonly config: AppConfig,
    private readonly processor: RunProcessor,
  ) {}

  onApplicationBootstrap(): void {
    const { env } = this.config;
    if (env.APP_ROLE === 'api') return;
    this.worker = new Worker<RunJobData>(RUN_QUEUE_NAME, (job, token) => this.processor.process(job, token), {
      connection: { ...redisConnectionOptions(env.REDIS_URL), connectionName: 'tenantatlas:run-worker' },
      prefix: `${env.REDIS_PREFIX}:bull`,
      concurrency: env.WORKER_CONCURRENCY,
    });
    this.worker.on('error', (error) => this.logger.warn(`Run worker: ${safeErrorMessage(error)}`));
    this.worker.on('failed', (job, error) => this.logger.error(`Run job ${job?.id ?? '?'} failed: ${safeErrorMessage(error)}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
