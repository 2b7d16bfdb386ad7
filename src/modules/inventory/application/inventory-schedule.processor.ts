import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type OnApplicationBootstrap, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { connectionErrorLog } from '../../../infrastructure/queue/connection-error-log';
import { INVENTORY_SCHEDULE_QUEUE, InventoryScheduleService } from './inventory-schedule.service';

/** Fires schedule ticks; runs only in worker processes (autorun off, started when the role runs workers). */
@Processor(INVENTORY_SCHEDULE_QUEUE, { autorun: false, concurrency: 2 })
export class InventoryScheduleProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(InventoryScheduleProcessor.name);
  private readonly connectionError = connectionErrorLog(this.logger, 'Schedule worker');

  constructor(
    private readonly schedules: InventoryScheduleService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.env.APP_ROLE === 'api') return;
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
