import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Repository } from 'typeorm';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { TenantRunSchedules } from '../../../infrastructure/runs';
import { validateCron } from '../../../shared/validate-cron';
import { OperationRunsFacade } from '../../operation-runs';
import { TenantsFacade } from '../../tenants';
import { InventorySchedule } from '../domain/inventory-schedule.entity';

export const INVENTORY_SCHEDULE_QUEUE = 'inventory-schedules';
export const SCHEDULED_SYNC_JOB = 'scheduled-inventory-sync';

/** Per-tenant inventory sync schedules: each tick starts (or returns the active) `inventory.sync` run. */
@Injectable()
export class InventoryScheduleService extends TenantRunSchedules<InventorySchedule> {
  constructor(
    @InjectRepository(InventorySchedule) rows: Repository<InventorySchedule>,
    @InjectQueue(INVENTORY_SCHEDULE_QUEUE) queue: Queue,
    runs: OperationRunsFacade,
    tenants: TenantsFacade,
    config: AppConfig,
  ) {
    super({
      entity: InventorySchedule,
      rows,
      queue,
      name: 'inventory-sync',
      jobName: SCHEDULED_SYNC_JOB,
      minGapSeconds: config.env.INVENTORY_SCHEDULE_MIN_GAP_SECONDS,
      redisTimeoutMs: config.env.RUN_ENQUEUE_TIMEOUT_MS,
      isActive: async (tenantId) => (await tenants.findActive(tenantId)) !== null,
      start: async (tenantId) => {
        const { run, created } = await runs.start('inventory.sync', { tenantId, initiatorUserId: null, context: {} });
        return { runId: run.id, created };
      },
    });
  }
}

// Shared with backup schedules; re-exported so existing imports keep working.
export { validateCron };
