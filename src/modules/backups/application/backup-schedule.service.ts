import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Repository } from 'typeorm';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { validateCron } from '../../../shared/validate-cron';
import { OperationRunsFacade } from '../../operation-runs';
import { TenantsFacade } from '../../tenants';
import { BackupSchedule } from '../domain/backup-schedule.entity';

export const BACKUP_SCHEDULE_QUEUE = 'backup-schedules';
export const SCHEDULED_BACKUP_JOB = 'scheduled-backup';

const schedulerId = (tenantId: string) => `backup-create:${tenantId}`;

/**
 * Per-tenant backup schedules, exactly like inventory's: PostgreSQL holds the truth, BullMQ job schedulers fire them,
 * and a tick only *starts* a `backup.create` run, so dedupe makes a tick during a manual backup return that run.
 * The minimum gap is the inventory one (INVENTORY_SCHEDULE_MIN_GAP_SECONDS, 5 minutes in production).
 */
@Injectable()
export class BackupScheduleService {
  private readonly logger = new Logger(BackupScheduleService.name);

  constructor(
    @InjectRepository(BackupSchedule) private readonly schedules: Repository<BackupSchedule>,
    @InjectQueue(BACKUP_SCHEDULE_QUEUE) private readonly queue: Queue,
    private readonly runs: OperationRunsFacade,
    private readonly tenants: TenantsFacade,
    private readonly config: AppConfig,
  ) {}

  async set(tenantId: string, cron: string | null, updatedBy: string): Promise<BackupSchedule | null> {
    if (cron === null) {
      await this.schedules.delete({ tenantId });
      await this.queue.removeJobScheduler(schedulerId(tenantId));
      return null;
    }
    const normalized = validateCron(cron, this.config.env.INVENTORY_SCHEDULE_MIN_GAP_SECONDS);
    const schedule = await this.schedules.save({ tenantId, cron: normalized, updatedBy, updatedAt: new Date() });
    await this.register(schedule);
    return schedule;
  }

  get(tenantId: string): Promise<BackupSchedule | null> {
    return this.schedules.findOneBy({ tenantId });
  }

  /** One tick: a run with no initiator, deduplicated like any start; an archived or gone tenant loses its schedule. */
  async fire(tenantId: string): Promise<{ runId: string; created: boolean } | { skipped: 'tenant archived or gone' }> {
    if (!(await this.tenants.findActive(tenantId))) {
      await this.set(tenantId, null, 'system');
      return { skipped: 'tenant archived or gone' };
    }
    const { run, created } = await this.runs.start('backup.create', { tenantId, initiatorUserId: null, context: {} });
    return { runId: run.id, created };
  }

  /** Rebuilds every job scheduler from the database (Redis may have lost them); idempotent. */
  async registerAll(): Promise<number> {
    const all = await this.schedules.find();
    for (const schedule of all) await this.register(schedule);
    return all.length;
  }

  private async register(schedule: BackupSchedule): Promise<void> {
    await this.queue.upsertJobScheduler(
      schedulerId(schedule.tenantId),
      { pattern: schedule.cron, tz: 'UTC' },
      { name: SCHEDULED_BACKUP_JOB, data: { tenantId: schedule.tenantId } },
    );
    this.logger.debug(`Backup schedule for ${schedule.tenantId}: ${schedule.cron}`);
  }
}
