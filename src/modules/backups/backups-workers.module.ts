import { Module } from '@nestjs/common';
import { BackupScheduleProcessor } from './application/backup-schedule.processor';
import { BackupsModule } from './backups.module';

/** What only worker processes run (the composition root decides): the processor that fires backup schedule ticks. */
@Module({
  imports: [BackupsModule],
  providers: [BackupScheduleProcessor],
})
export class BackupsWorkersModule {}
