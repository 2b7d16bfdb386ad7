import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { Repository } from 'typeorm';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { validateCron } from '../../../shared/validate-cron';
import { OperationRunsFacade } from '../../operation-runs';
import { TenantsFacade } from '../../tenants';
import { InventorySchedule } from '../domain/inventory-schedule.entity';

export const INVENTORY_SCHEDULE_QUEUE = 'inventory-schedules';
export const SCHEDULED_SYNC_JOB = 'scheduled-inventory-sync';

const schedulerId = (tenantId: string) => `inventory-sync:${tenantId}`;

/**
 * Per-tenant sync schedules. PostgreSQL holds the truth; BullMQ job schedulers fire them (one job per tick, whatever
 * the number of workers). A tick only *starts* a run through OperationRunsFacade, so dedupe makes a tick during a
 * manual sync return the running one instead of starting a second.
 */
@Injectable()
export class InventoryScheduleService {
  private readonly logger = new Logger(InventoryScheduleService.name);

  constructor(
    @InjectRepository(InventorySchedule) private readonly schedules: Repository<InventorySchedule>,
    @InjectQueue(INVENTORY_SCHEDULE_QUEUE) private readonly queue: Queue,
    private readonly runs: OperationRunsFacade,
    private readonly tenants: TenantsFacade,
    private readonly config: AppConfig,
  ) {}

  async set(tenantId: string, cron: string | null, updatedBy: string): Promise<InventorySchedule | null> {
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

  get(tenantId: string): Promise<InventorySchedule | null> {
    return this.schedules.findOneBy({ tenantId });
  }

  /**
   * One tick of a schedule: a run with no initiator (no notification), deduplicated like any other start. A tenant
   * archived (or gone) since the schedule was set starts nothing; its schedule is removed.
   */
  async fire(tenantId: string): Promise<{ runId: string; created: boolean } | { skipped: 'tenant archived or gone' }> {
    if (!(await this.tenants.findActive(tenantId))) {
      await this.set(tenantId, null, 'system');
      return { skipped: 'tenant archived or gone' };
    }
    const { run, created } = await this.runs.start('inventory.sync', { tenantId, initiatorUserId: null, context: {} });
    return { runId: run.id, created };
  }

  /** Rebuilds every job scheduler from the database (Redis may have lost them); idempotent. */
  async registerAll(): Promise<number> {
    const all = await this.schedules.find();
    for (const schedule of all) await this.register(schedule);
    return all.length;
  }

  private async register(schedule: InventorySchedule): Promise<void> {
    await this.queue.upsertJobScheduler(
      schedulerId(schedule.tenantId),
      { pattern: schedule.cron, tz: 'UTC' },
      { name: SCHEDULED_SYNC_JOB, data: { tenantId: schedule.tenantId } },
    );
    this.logger.debug(`Inventory schedule for ${schedule.tenantId}: ${schedule.cron}`);
  }
}

// Shared with backup schedules; re-exported so existing imports keep working.
export { validateCron };
