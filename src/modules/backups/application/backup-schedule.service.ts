import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Repository } from 'typeorm';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { TenantRunSchedules } from '../../../infrastructure/runs';
import { OperationRunsFacade } from '../../operation-runs';
import { TenantsFacade } from '../../tenants';
import { BackupSchedule } from '../domain/backup-schedule.entity';

export const BACKUP_SCHEDULE_QUEUE = 'backup-schedules';
export const SCHEDULED_BACKUP_JOB = 'scheduled-backup';

/**
 * Per-tenant backup schedules, exactly like inventory's: each tick starts (or returns the active) `backup.create` run.
 * The minimum gap is the inventory one (INVENTORY_SCHEDULE_MIN_GAP_SECONDS, 5 minutes in production).
 */
@Injectable()
export class BackupScheduleService extends TenantRunSchedules<BackupSchedule> {
  constructor(
    @InjectRepository(BackupSchedule) rows: Repository<BackupSchedule>,
    @InjectQueue(BACKUP_SCHEDULE_QUEUE) queue: Queue,
    runs: OperationRunsFacade,
    tenants: TenantsFacade,
    config: AppConfig,
  ) {
    super({
      entity: BackupSchedule,
      rows,
      queue,
      name: 'backup-create',
      jobName: SCHEDULED_BACKUP_JOB,
      minGapSeconds: config.env.INVENTORY_SCHEDULE_MIN_GAP_SECONDS,
      redisTimeoutMs: config.env.RUN_ENQUEUE_TIMEOUT_MS,
      isActive: async (tenantId) => (await tenants.findActive(tenantId)) !== null,
      start: async (tenantId) => {
        const { run, created } = await runs.start('backup.create', { tenantId, initiatorUserId: null, context: {} });
        return { runId: run.id, created };
      },
    });
  }
}
