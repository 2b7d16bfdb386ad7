export { EventBus } from './event-bus';
export { EventsModule } from './events.module';
export { OutboxSweepModule } from './outbox-sweep.module';
export { Outbox, outboxRows, stage, type OutboxEvent, type StagedEvent } from './outbox';
export type { EventHandler, EventMap, EventName } from './event-map';
