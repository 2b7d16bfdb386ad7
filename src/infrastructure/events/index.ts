export { EventBus } from './event-bus';
export { EventsModule } from './events.module';
export type { EventHandler, EventMap, EventName } from './event-map';
