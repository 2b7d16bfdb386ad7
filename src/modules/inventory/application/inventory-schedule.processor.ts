import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type OnApplicationBootstrap, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { connectionErrorLog } from '../../../infrastructure/queue/connection-error-log';
import { INVENTORY_SCHEDULE_QUEUE, InventoryScheduleService } from './inventory-schedule.service';

/**
 * Fires schedule ticks (worker roles only: InventoryWorkersModule). Autorun is off so the schedulers are rebuilt from
 * the database before the first tick is taken.
 */
@Processor(INVENTORY_SCHEDULE_QUEUE, { autorun: false, concurrency: 2 })
export class InventoryScheduleProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(InventoryScheduleProcessor.name);
  private readonly connectionError = connectionErrorLog(this.logger, 'Schedule worker');

  constructor(private readonly schedules: InventoryScheduleService) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const count = await this.schedules.registerAll();
    if (count) this.logger.log(`Registered ${count} inventory schedule(s)`);
    void this.worker.run();
  }

  @OnWorkerEvent('error')
  onError(error: unknown): void {
    this.connectionError(error);
  }

  process(job: Job<{ tenantId: string }>) {
    return this.schedules.fire(job.data.tenantId);
  }
}
