import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Counter, Gauge, Histogram } from 'prom-client';
import { DataSource } from 'typeorm';
import { metricsRegistry } from '../../../infrastructure/metrics';
import type { OperationRun } from '../domain/operation-run.entity';
import { RunQueue } from './run-queue';

const registers = [metricsRegistry];

/** Runs this process completed (any path: handler, reaper, hand-back, enqueue failure). */
const runsCompleted = new Counter({
  name: 'tenantatlas_runs_completed_total',
  help: 'Runs completed by this process, by type and outcome.',
  labelNames: ['type', 'outcome'] as const,
  registers,
});
const runDuration = new Histogram({
  name: 'tenantatlas_run_duration_seconds',
  help: 'Run time from start to completion, by type and outcome.',
  labelNames: ['type', 'outcome'] as const,
  buckets: [0.1, 0.5, 1, 5, 15, 60, 300, 900, 1800, 3600],
  registers,
});
const queueWait = new Histogram({
  name: 'tenantatlas_run_queue_wait_seconds',
  help: 'Time a run waited from its start request to a worker claiming its first attempt, by type.',
  labelNames: ['type'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers,
});

const ACTIVE = 'tenantatlas_runs_active';
const DEPTH = 'tenantatlas_run_queue_jobs';

/**
 * Run metrics: counters and histograms observed as runs start and end (RunEventsPublisher), and two gauges read at
 * scrape time: queued/running runs by type (PostgreSQL, the truth) and the BullMQ queue's jobs by state (Redis).
 */
@Injectable()
export class RunMetrics implements OnModuleInit, OnModuleDestroy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: RunQueue,
  ) {}

  started(run: Pick<OperationRun, 'type' | 'attempt' | 'createdAt' | 'startedAt'>): void {
    if (run.attempt === 1 && run.startedAt)
      queueWait.observe({ type: run.type }, (run.startedAt.getTime() - run.createdAt.getTime()) / 1000);
  }

  completed(run: Pick<OperationRun, 'type' | 'outcome' | 'startedAt' | 'finishedAt'>): void {
    const labels = { type: run.type, outcome: run.outcome ?? 'unknown' };
    runsCompleted.inc(labels);
    if (run.startedAt && run.finishedAt)
      runDuration.observe(labels, (run.finishedAt.getTime() - run.startedAt.getTime()) / 1000);
  }

  onModuleInit(): void {
    // Gauges read this app's database and queue: re-created per app (tests boot several in one process).
    this.onModuleDestroy();
    const { dataSource, queue } = this;
    new Gauge({
      name: ACTIVE,
      help: 'Queued and running runs, by type and status (all processes; read from PostgreSQL at scrape time).',
      labelNames: ['type', 'status'] as const,
      registers,
      async collect() {
        this.reset();
        const rows = (await dataSource
          .query(
            `SELECT type, status, count(*)::int AS n FROM operation_runs WHERE status IN ('queued', 'running') GROUP BY 1, 2`,
          )
          .catch(() => [])) as Array<{ type: string; status: string; n: number }>;
        for (const row of rows) this.set({ type: row.type, status: row.status }, row.n);
      },
    });
    new Gauge({
      name: DEPTH,
      help: 'Jobs in the run queue by state (read from Redis at scrape time).',
      labelNames: ['state'] as const,
      registers,
      async collect() {
        this.reset();
        const counts = await queue.queue
          .getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed')
          .catch(() => ({}) as Record<string, number>);
        for (const [state, n] of Object.entries(counts)) this.set({ state }, n);
      },
    });
  }

  onModuleDestroy(): void {
    metricsRegistry.removeSingleMetric(ACTIVE);
    metricsRegistry.removeSingleMetric(DEPTH);
  }
}
