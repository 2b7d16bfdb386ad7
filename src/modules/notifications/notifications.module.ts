import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../../infrastructure/events';
import { OperationRunsModule } from '../operation-runs';
import { NotificationsService } from './application/notifications.service';
import { RunNotificationRepair } from './application/run-notification-repair';
import { RunNotificationsListener } from './application/run-notifications.listener';
import { Notification } from './domain/notification.entity';
import { NotificationsResolver } from './graphql/notifications.resolver';

/**
 * Inbox notifications, written in reaction to operation-run events (the listener runs in every role) and repaired by a
 * sweep over recent runs (worker and all roles) when a process died before its listener ran.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), EventsModule, OperationRunsModule],
  providers: [NotificationsService, RunNotificationsListener, RunNotificationRepair, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
