import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { redisConnectionOptions } from '../../../infrastructure/queue/queue.module';
import { currentTraceCarrier } from '../../../infrastructure/tracing';
import { WriteBatcher } from './write-batcher';

export const RUN_QUEUE_NAME = 'operation-runs';

/** Immutable facts of the run, so a worker can pick the lock before touching the database. */
export interface RunJobData {
  runId: string;
  attempt: number;
  type: string;
  tenantId: string | null;
  /** W3C trace context (`traceparent`) of the start that queued it, when tracing is on: the attempt continues the trace. */
  trace?: Record<string, string>;
}

/** Attempt 1 uses the run id itself; a retry gets its own job so a stalled copy of the old one cannot block it. */
export function jobIdFor(runId: string, attempt: number): string {
  return attempt <= 1 ? runId : `${runId}-a${attempt}`;
}

interface JobToAdd {
  name: string;
  data: RunJobData;
  opts: { jobId: string; attempts: number; removeOnComplete: boolean; removeOnFail: { count: number } };
}

const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * The BullMQ queue of runs. Its own connection fails fast (no offline queue) so a dead Redis surfaces as an
 * enqueue error within RUN_ENQUEUE_TIMEOUT_MS instead of a start call that hangs.
 */
@Injectable()
export class RunQueue implements OnApplicationShutdown {
  readonly queue: Queue<RunJobData>;

  constructor(private readonly config: AppConfig) {
    const { env } = config;
    this.queue = new Queue<RunJobData>(RUN_QUEUE_NAME, {
      connection: {
        ...redisConnectionOptions(env.REDIS_URL),
        maxRetriesPerRequest: 1,
        enableOfflineQueue: false,
        connectionName: 'tenantatlas:run-queue',
      },
      prefix: `${env.REDIS_PREFIX}:bull`,
    });
    this.queue.on('error', () => undefined); // connection errors surface on add(); without a listener they crash the process
  }

  /**
   * Group commit for enqueues, like the run writes (write-batcher.ts): while one `addBulk` is in flight, the adds
   * that arrive meanwhile go together as the next one (one MULTI, one socket write). An idle system adds at once.
   * If a bulk add fails, each job is retried alone, so one start's failure is its own.
   */
  private readonly adds = new WriteBatcher<JobToAdd, unknown>(
    async (jobs) => this.queue.addBulk(jobs),
    (job) => job.opts.jobId,
    { maxBatch: 100, maxInFlight: 1, duplicates: 'defer' },
  );

  /** Idempotent: BullMQ ignores an add whose jobId already exists. */
  async enqueue(run: { id: string; attempt: number; type: string; tenantId: string | null }): Promise<void> {
    const data: RunJobData = { runId: run.id, attempt: run.attempt, type: run.type, tenantId: run.tenantId };
    const trace = currentTraceCarrier();
    if (trace) data.trace = trace;
    const add = this.adds.submit({
      name: 'run',
      data,
      opts: {
        jobId: jobIdFor(run.id, run.attempt),
        attempts: 1,
        removeOnComplete: true,
        removeOnFail: { count: 1000 },
      },
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`enqueue timed out after ${this.config.env.RUN_ENQUEUE_TIMEOUT_MS} ms`)),
        this.config.env.RUN_ENQUEUE_TIMEOUT_MS,
      );
    });
    try {
      await Promise.race([add, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** True when a job for this attempt is waiting, delayed or active; a finished or failed leftover is removed. */
  async hasLiveJob(runId: string, attempt: number): Promise<boolean> {
    const job = await this.queue.getJob(jobIdFor(runId, attempt));
    if (!job) return false;
    const state = await job.getState();
    if (LIVE_STATES.has(state)) return true;
    await job.remove().catch(() => undefined);
    return false;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
  }
}
