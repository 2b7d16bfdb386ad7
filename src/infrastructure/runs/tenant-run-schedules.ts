import { Logger } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import type { EntityTarget, Repository } from 'typeorm';
import { within } from '../../shared/dependency-unavailable';
import { validateCron } from '../../shared/validate-cron';

/** A schedule row: one per tenant, the cron it fires on. */
export interface TenantScheduleRow {
  tenantId: string;
  cron: string;
  updatedBy: string | null;
  updatedAt: Date;
}

export interface TenantRunSchedulesOptions<R extends TenantScheduleRow> {
  entity: EntityTarget<R>;
  rows: Repository<R>;
  queue: Queue;
  /** What the schedules start, for ids and logs: `inventory-sync`, `backup-create`. */
  name: string;
  jobName: string;
  minGapSeconds: number;
  /** How long a schedule change waits for Redis before answering SERVICE_UNAVAILABLE. */
  redisTimeoutMs: number;
  isActive(tenantId: string): Promise<boolean>;
  /** Starts (or returns the active) run of the tenant: a tick with no initiator. */
  start(tenantId: string): Promise<{ runId: string; created: boolean }>;
}

export type ScheduleTick =
  { runId: string; created: boolean } | { skipped: 'tenant archived or gone' | 'no schedule' | 'tick fired already' };

/**
 * Per-tenant run schedules (inventory syncs, backups). PostgreSQL holds the truth; BullMQ job schedulers fire them
 * (one job per tick, whatever the number of workers). A tick only *starts* a run, so dedupe makes a tick during a
 * manual start return the running one instead of starting a second.
 */
export class TenantRunSchedules<R extends TenantScheduleRow> {
  private readonly logger: Logger;

  constructor(private readonly options: TenantRunSchedulesOptions<R>) {
    this.logger = new Logger(`Schedules(${options.name})`);
  }

  /**
   * The row and the job scheduler change together: the Redis side runs inside the row's transaction and is bounded,
   * so with Redis down the caller gets SERVICE_UNAVAILABLE and nothing is stored, never a request that hangs until
   * Redis returns. (A scheduler registered late by ioredis's offline queue fires nothing: `fire` obeys the rows.)
   */
  async set(tenantId: string, cron: string | null, updatedBy: string): Promise<R | null> {
    const { entity, rows, queue, minGapSeconds } = this.options;
    const normalized = cron === null ? null : validateCron(cron, minGapSeconds);
    return rows.manager.transaction(async (manager) => {
      if (normalized === null) {
        await manager.delete(entity, { tenantId });
        await this.redis(queue.removeJobScheduler(this.schedulerId(tenantId)), 'removing the schedule');
        return null;
      }
      const row = { tenantId, cron: normalized, updatedBy, updatedAt: new Date() } as R;
      const schedule = await manager.save(entity, row);
      await this.redis(this.register(schedule), 'registering the schedule');
      return schedule;
    });
  }

  get(tenantId: string): Promise<R | null> {
    return this.options.rows.findOne({ where: { tenantId } as never });
  }

  /**
   * A tick job as a worker takes it: fires at most once. BullMQ (6.7) can hand out a finished tick again: an upsert
   * whose client-side "now" predates a tick that has since been processed re-adds that tick's job (same id, its
   * hash still holding finishedOn and the first result). Firing it again would start a second run for one instant,
   * or report the first one's run as deduplicated, so the first result stands.
   */
  async tick(job: Job<{ tenantId: string }>): Promise<ScheduleTick> {
    if (job.finishedOn) {
      this.logger.warn(`Tick ${job.id} was handed out again after it finished: not fired twice`);
      return (job.returnvalue as ScheduleTick | null) ?? { skipped: 'tick fired already' };
    }
    return this.fire(job.data.tenantId);
  }

  /** One tick: a tenant archived (or gone) since the schedule was set starts nothing; its schedule is removed. */
  async fire(tenantId: string): Promise<ScheduleTick> {
    if (!(await this.get(tenantId))) {
      await this.options.queue.removeJobScheduler(this.schedulerId(tenantId));
      return { skipped: 'no schedule' };
    }
    if (!(await this.options.isActive(tenantId))) {
      await this.set(tenantId, null, 'system');
      return { skipped: 'tenant archived or gone' };
    }
    return this.options.start(tenantId);
  }

  /**
   * Redis lost job schedulers (restarted empty, flushed) while PostgreSQL still has their rows: rebuilds them all.
   * One count on each side per call; workers call it every RECONCILER_INTERVAL_MS.
   */
  async repairIfLost(): Promise<number> {
    const [rows, registered] = await Promise.all([
      this.options.rows.count(),
      this.options.queue.getJobSchedulersCount(),
    ]);
    if (registered >= rows) return 0;
    this.logger.warn(`Redis holds ${registered} of ${rows} schedules: rebuilding them from PostgreSQL`);
    return this.registerAll();
  }

  /**
   * Rebuilds the job schedulers Redis lacks (or holds with another cron) from the database; idempotent. One that is
   * already right is left alone: every upsert replaces the next tick, and one racing a tick can make BullMQ hand that
   * tick out twice (see `tick`), so workers starting or repairing never touch a healthy schedule.
   */
  async registerAll(): Promise<number> {
    let registered = 0;
    for (const schedule of await this.options.rows.find()) {
      const current = await this.options.queue.getJobScheduler(this.schedulerId(schedule.tenantId));
      if (current?.pattern === schedule.cron && current.tz === 'UTC') continue;
      await this.register(schedule);
      registered++;
    }
    return registered;
  }

  private async register(schedule: R): Promise<void> {
    await this.options.queue.upsertJobScheduler(
      this.schedulerId(schedule.tenantId),
      { pattern: schedule.cron, tz: 'UTC' },
      { name: this.options.jobName, data: { tenantId: schedule.tenantId } },
    );
    this.logger.debug(`${schedule.tenantId}: ${schedule.cron}`);
  }

  private schedulerId(tenantId: string): string {
    return `${this.options.name}:${tenantId}`;
  }

  private redis<T>(work: Promise<T>, what: string): Promise<T> {
    return within(work, this.options.redisTimeoutMs, 'redis', what);
  }
}
