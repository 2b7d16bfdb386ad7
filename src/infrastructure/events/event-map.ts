/**
 * Every domain event name → its payload. Modules add their events by declaration merging:
 *
 *   declare module '../../infrastructure/events/event-map' {
 *     interface EventMap { 'operation-run.completed': OperationRunCompleted }
 *   }
 *
 * so `emit` and `on` are checked at compile time (the immich pattern).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EventMap {}

export type EventName = keyof EventMap & string;
export type EventHandler<E extends EventName> = (payload: EventMap[E]) => void | Promise<void>;
