import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { type OnApplicationBootstrap, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { connectionErrorLog } from '../../../infrastructure/queue/connection-error-log';
import { BACKUP_SCHEDULE_QUEUE, BackupScheduleService } from './backup-schedule.service';

/** Fires backup schedule ticks (worker roles only); schedulers are rebuilt from the database before the first tick. */
@Processor(BACKUP_SCHEDULE_QUEUE, { autorun: false, concurrency: 2 })
export class BackupScheduleProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(BackupScheduleProcessor.name);
  private readonly connectionError = connectionErrorLog(this.logger, 'Backup schedule worker');

  constructor(private readonly schedules: BackupScheduleService) {
    super();
  }

  async onApplicationBootstrap(): Promise<void> {
    const count = await this.schedules.registerAll();
    if (count) this.logger.log(`Registered ${count} backup schedule(s)`);
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
