import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../../infrastructure/events';
import { NotificationsService } from './application/notifications.service';
import { RunNotificationsListener } from './application/run-notifications.listener';
import { Notification } from './domain/notification.entity';
import { NotificationsResolver } from './graphql/notifications.resolver';

/** Inbox notifications, written in reaction to operation-run events (the listener runs in every role). */
@Module({
  imports: [TypeOrmModule.forFeature([Notification]), EventsModule],
  providers: [NotificationsService, RunNotificationsListener, NotificationsResolver],
  exports: [NotificationsService],
})
export class NotificationsModule {}
