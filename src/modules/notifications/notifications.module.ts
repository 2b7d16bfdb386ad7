import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../../infrastructure/events';
import { OperationRunsModule } from '../operation-runs';
import { NotificationsService } from './application/notifications.service';
import { RunNotificationsListener } from './application/run-notifications.listener';
import { Notification } from './domain/notification.entity';
import { NotificationsResolver } from './graphql/notifications.resolver';

/**
 * Inbox notifications, written in reaction to operation-run events (the listener runs in every role) and repaired by a
 * sweep over recent runs (NotificationsWorkersModule) when a process died before its listener ran.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), EventsModule, OperationRunsModule],
  providers: [NotificationsService, RunNotificationsListener, NotificationsResolver],
  exports: [NotificationsService, RunNotificationsListener],
})
export class NotificationsModule {}
