// The public surface of notifications.
export { NotificationsModule } from './notifications.module';
export { NotificationsService } from './application/notifications.service';
export { NotificationType, NotificationKindValue } from './graphql/notification.type';
