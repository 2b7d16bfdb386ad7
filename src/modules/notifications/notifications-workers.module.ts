import { Module } from '@nestjs/common';
import { RunNotificationRepair } from './application/run-notification-repair';
import { OperationRunsModule } from '../operation-runs';
import { NotificationsModule } from './notifications.module';

/** What only worker processes run (the composition root decides): the sweep that repairs lost run notifications. */
@Module({
  imports: [NotificationsModule, OperationRunsModule],
  providers: [RunNotificationRepair],
})
export class NotificationsWorkersModule {}
