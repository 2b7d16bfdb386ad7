import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { EventBus, reviveDates } from './event-bus';
import type { EventMap, EventName } from './event-map';

/** One domain event bound for the outbox: its name, payload, and the aggregate it is ordered by. */
export type OutboxEvent = { [E in EventName]: { name: E; payload: EventMap[E]; aggregateId: string } }[EventName];

/** An event with the id its outbox row gets (chosen here, so the writer can mark exactly its own rows published). */
export type StagedEvent = OutboxEvent & { id: string };

export const stage = (events: readonly OutboxEvent[]): StagedEvent[] =>
  events.map((event) => ({ ...event, id: randomUUID() }));

/** Rows as a statement inserts them (`jsonb_to_recordset`, columns id, aggregate_id, name, payload). */
export const outboxRows = (events: readonly StagedEvent[]) =>
  events.map((e) => ({ id: e.id, aggregate_id: e.aggregateId, name: e.name, payload: e.payload }));

const MARK_BATCH = 500;

/**
 * The transactional outbox. A change writes its events in its own transaction (`add`, or the run store's statements
 * with `outboxRows`); after the commit the same process delivers them to this process's listeners and marks them
 * published (`publish`). A process that dies in between leaves rows unpublished: `relayPending` (a sweep in worker
 * processes, one at a time) delivers those in the order they were written. Delivery is at least once, so every
 * listener is idempotent.
 */
@Injectable()
export class Outbox implements OnApplicationShutdown {
  private readonly logger = new Logger(Outbox.name);
  private marks: string[] = [];
  private marking: Promise<void> | null = null;

  constructor(
    private readonly db: DataSource,
    private readonly bus: EventBus,
    private readonly config: AppConfig,
  ) {}

  /** Writes events inside the caller's transaction; `publish` them after the commit. */
  async add(manager: EntityManager, events: readonly StagedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await manager.query(
      `INSERT INTO outbox_events (id, aggregate_id, name, payload)
       SELECT (e.value->>'id')::uuid, e.value->>'aggregate_id', e.value->>'name', e.value->'payload'
         FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(value, ord)
        ORDER BY e.ord`,
      [JSON.stringify(outboxRows(events))],
    );
  }

  /**
   * After the commit: this process's listeners get the events (in order, each awaited), then the rows are marked
   * published. Never throws: an event not marked (a listener failed, the process died) is relayed by the sweep.
   */
  async publish(events: readonly StagedEvent[]): Promise<void> {
    this.faultBeforePublish(events);
    for (const event of events) {
      if (await this.bus.deliver(event.name, event.payload as never)) this.mark(event.id);
    }
  }

  /** One sweep: rows older than OUTBOX_GRACE_MS still unpublished (their process died), delivered in written order. */
  async relayPending(limit = 500): Promise<number> {
    const rows = (await this.db.query(
      `SELECT id, name, payload FROM outbox_events
        WHERE published_at IS NULL AND created_at < now() - make_interval(secs => $1::float8 / 1000)
        ORDER BY seq LIMIT $2`,
      [this.config.env.OUTBOX_GRACE_MS, limit],
    )) as Array<{ id: string; name: EventName; payload: unknown }>;
    let delivered = 0;
    for (const row of rows) {
      if (await this.bus.deliver(row.name, reviveDates(row.payload) as never)) {
        this.mark(row.id);
        delivered++;
      }
    }
    await this.flushMarks();
    await this.db.query(`DELETE FROM outbox_events WHERE published_at < now() - interval '1 day'`);
    return delivered;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.marking;
    await this.flushMarks();
  }

  /** Marks are group-committed: one UPDATE for every event delivered while the previous one ran. */
  private mark(id: string): void {
    this.marks.push(id);
    this.marking ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flushMarks());
  }

  private async flushMarks(): Promise<void> {
    while (this.marks.length) {
      const ids = this.marks.splice(0, MARK_BATCH);
      await this.db
        .query(`UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::uuid[])`, [ids])
        .catch((error: Error) => this.logger.warn(`Marking ${ids.length} outbox event(s) failed: ${error.message}`));
    }
    this.marking = null;
  }

  /** Test-only fault (NODE_ENV=test): die between commit and publish, to prove the sweep delivers what was lost. */
  private faultBeforePublish(events: readonly OutboxEvent[]): void {
    const { NODE_ENV, OUTBOX_TEST_KILL_BEFORE_PUBLISH: name } = this.config.env;
    if (NODE_ENV === 'test' && name && events.some((e) => e.name === name)) process.kill(process.pid, 'SIGKILL');
  }
}
