import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../../infrastructure/events';
import { OperationRunsModule } from '../operation-runs';
import { NotificationsService } from './application/notifications.service';
import { RunNotificationsListener } from './application/run-notifications.listener';
import { Notification } from './domain/notification.entity';
import { NotificationsResolver } from './graphql/notifications.resolver';

/**
 * Inbox notifications, written in reaction to operation-run events (the listener runs in every role). The events come
 * through the outbox, at least once: a process that died before its listener ran is covered by the outbox sweep, and
 * the unique (run_id, kind) index makes a second delivery harmless.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), EventsModule, OperationRunsModule],
  providers: [NotificationsService, RunNotificationsListener, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
