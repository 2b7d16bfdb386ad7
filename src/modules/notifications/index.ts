// The public surface of notifications (nothing else reads it: it reacts to operation-run events).
export { NotificationsModule } from './notifications.module';
