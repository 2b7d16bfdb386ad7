import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type OnApplicationBootstrap, type OnApplicationShutdown, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { connectionErrorLog } from '../../../infrastructure/queue/connection-error-log';
import { INVENTORY_SCHEDULE_QUEUE, InventoryScheduleService } from './inventory-schedule.service';

/**
 * Fires schedule ticks (worker roles only: InventoryWorkersModule). Autorun is off so the schedulers are rebuilt from
 * the database before the first tick is taken.
 */
@Processor(INVENTORY_SCHEDULE_QUEUE, { autorun: false, concurrency: 2 })
export class InventoryScheduleProcessor extends WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InventoryScheduleProcessor.name);
  private readonly connectionError = connectionErrorLog(this.logger, 'Schedule worker');
  private repairTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly schedules: InventoryScheduleService,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const count = await this.schedules.registerAll();
    if (count) this.logger.log(`Registered ${count} inventory schedule(s)`);
    void this.worker.run();
    // Redis may lose its data while this worker runs (restarted empty): the schedules come back without a restart.
    this.repairTimer = setInterval(
      () => void this.schedules.repairIfLost().catch(() => undefined), // Redis still down: next time
      this.config.env.RECONCILER_INTERVAL_MS,
    );
    this.repairTimer.unref();
  }

  onApplicationShutdown(): void {
    if (this.repairTimer) clearInterval(this.repairTimer);
  }

  @OnWorkerEvent('error')
  onError(error: unknown): void {
    this.connectionError(error);
  }

  process(job: Job<{ tenantId: string }>) {
    return this.schedules.tick(job);
  }
}
