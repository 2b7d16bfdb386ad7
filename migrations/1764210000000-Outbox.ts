import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox (issue 14, item 5): a domain event is written in the same transaction (the same statement
 * for the run spine's group commits) as the change it announces, then published after the commit; rows a process did
 * not get to publish (it died in between) are relayed by a sweep in `seq` order (the order they were written). The id
 * is chosen by the writer, so it can mark exactly its own rows published after the commit; `published_at` marks
 * delivered rows, and the sweep deletes them after a day.
 */
export class Outbox1764210000000 implements MigrationInterface {
  name = 'Outbox1764210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox_events (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL,
        aggregate_id text NOT NULL,
        name text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz NULL
      )`);
    await q.query(`CREATE INDEX outbox_events_unpublished ON outbox_events (seq) WHERE published_at IS NULL`);
    await q.query(
      `CREATE INDEX outbox_events_published ON outbox_events (published_at) WHERE published_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_events`);
  }
}
