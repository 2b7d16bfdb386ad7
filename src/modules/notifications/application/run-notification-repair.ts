import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { PeriodicSweep } from '../../../infrastructure/redis/periodic-sweep';
import { REDIS_CLIENT } from '../../../infrastructure/redis/redis.tokens';
import { type InitiatedRun, OperationRunsFacade } from '../../operation-runs';
import { RunNotificationsListener } from './run-notifications.listener';

const LOOKBACK_MS = 24 * 60 * 60 * 1000;
const PAGE_SIZE = 500;

/**
 * Run events are in-process and there is no outbox: a process that dies between a run's commit and its listener
 * loses that notification. This sweep (one process at a time) creates the queued and terminal
 * notifications missing for runs users started in the last 24 h. The unique (run_id, kind) index makes it safe to
 * race the listener. Provided in worker roles only (NotificationsWorkersModule).
 */
@Injectable()
export class RunNotificationRepair implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sweep: PeriodicSweep;

  constructor(
    private readonly runs: OperationRunsFacade,
    private readonly listener: RunNotificationsListener,
    private readonly db: DataSource,
    private readonly config: AppConfig,
    @Inject(REDIS_CLIENT) redis: Redis,
  ) {
    const { env } = config;
    this.sweep = new PeriodicSweep(
      'RunNotificationRepair',
      env.NOTIFICATION_REPAIR_INTERVAL_MS,
      redis,
      `${env.REDIS_PREFIX}:sweep:notification-repair`,
      () => this.repair(),
    );
  }

  onApplicationBootstrap(): void {
    this.sweep.start();
  }

  onModuleDestroy(): Promise<void> {
    return this.sweep.stop();
  }

  /** One sweep; returns how many notifications it created. */
  async repair(): Promise<number> {
    const since = new Date(Date.now() - LOOKBACK_MS);
    let created = 0;
    let before: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const runs = await this.runs.initiatedRunsSince(since, before, PAGE_SIZE);
      created += await this.repairPage(runs);
      if (runs.length < PAGE_SIZE) return created;
      const last = runs[runs.length - 1];
      before = { createdAt: last.createdAt, id: last.runId };
    }
  }

  private async repairPage(runs: InitiatedRun[]): Promise<number> {
    if (!runs.length) return 0;
    const rows = (await this.db.query(`SELECT run_id, kind FROM notifications WHERE run_id = ANY($1::uuid[])`, [
      runs.map((run) => run.runId),
    ])) as Array<{ run_id: string; kind: string }>;
    const existing = new Set(rows.map((row) => `${row.run_id}:${row.kind}`));
    let created = 0;
    for (const run of runs) {
      // The spec asks for both per run, so a run that already ended still gets its (late) queued notification.
      if (!existing.has(`${run.runId}:run_queued`) && (await this.listener.notify(run, 'run_queued', null))) created++;
      if (
        run.outcome &&
        !existing.has(`${run.runId}:run_completed`) &&
        (await this.listener.notify(run, 'run_completed', run.outcome))
      )
        created++;
    }
    return created;
  }
}
