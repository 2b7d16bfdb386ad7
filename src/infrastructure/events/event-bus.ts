import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EventHandler, EventMap, EventName } from './event-map';

/** Sends a serialized event to the other processes (the Redis relay); absent in pure unit tests. */
export interface EventRelay {
  publish(message: string): Promise<unknown>;
}

interface RelayedMessage {
  origin: string;
  name: string;
  payload: unknown;
}

/**
 * A small typed event bus. `emit` reaches listeners in this process only (domain reactions happen once, where the
 * change happened); `broadcast` reaches listeners in every process (live views: subscriptions live on api processes
 * while the change happens on a worker). Listener errors are logged, never thrown back at the emitter.
 */
export class EventBus {
  readonly origin = randomUUID();
  private readonly handlers = new Map<string, Set<EventHandler<any>>>();
  private readonly logger = new Logger(EventBus.name);
  private relay: EventRelay | null = null;

  useRelay(relay: EventRelay): void {
    this.relay = relay;
  }

  on<E extends EventName>(name: E, handler: EventHandler<E>): () => void {
    let set = this.handlers.get(name);
    if (!set) this.handlers.set(name, (set = new Set()));
    set.add(handler);
    return () => set.delete(handler);
  }

  emit<E extends EventName>(name: E, payload: EventMap[E]): void {
    for (const handler of this.handlers.get(name) ?? []) {
      try {
        const result = handler(payload);
        if (result instanceof Promise) result.catch((error: unknown) => this.logger.error(`Listener of ${name} failed: ${describe(error)}`));
      } catch (error) {
        this.logger.error(`Listener of ${name} failed: ${describe(error)}`);
      }
    }
  }

  /** Local listeners at once, other processes through the relay (their copy comes back here and is ignored). */
  async broadcast<E extends EventName>(name: E, payload: EventMap[E]): Promise<void> {
    this.emit(name, payload);
    if (!this.relay) return;
    const message: RelayedMessage = { origin: this.origin, name, payload };
    await this.relay.publish(JSON.stringify(message)).catch((error: unknown) => this.logger.warn(`Relay of ${name} failed: ${describe(error)}`));
  }

  /** Called by the relay's subscriber with every message on the channel. */
  receive(raw: string): void {
    let message: RelayedMessage;
    try {
      message = JSON.parse(raw) as RelayedMessage;
    } catch {
      return;
    }
    if (message.origin === this.origin) return;
    this.emit(message.name as EventName, reviveDates(message.payload) as never);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** JSON turns Dates into strings; turn them back so relayed payloads look like local ones. */
function reviveDates(value: unknown): unknown {
  if (typeof value === 'string') return ISO_DATE.test(value) ? new Date(value) : value;
  if (Array.isArray(value)) return value.map(reviveDates);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reviveDates(v)]));
  return value;
}
