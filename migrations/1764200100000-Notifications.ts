import type { MigrationInterface, QueryRunner } from 'typeorm';

/** notifications: per-user inbox rows (run queued / run finished). */
export class Notifications1764200100000 implements MigrationInterface {
  name = 'Notifications1764200100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('run_queued', 'run_completed')),
        run_id uuid NOT NULL,
        tenant_id text NULL,
        title text NOT NULL,
        outcome text NULL,
        link text NOT NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        read_at timestamptz(3) NULL
      )`);
    // One queued and one terminal notification per run, however often the event is delivered.
    await q.query(`CREATE UNIQUE INDEX notifications_run_kind_uq ON notifications (run_id, kind)`);
    await q.query(`CREATE INDEX notifications_user_created_idx ON notifications (user_id, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX notifications_user_unread_idx ON notifications (user_id, created_at DESC, id DESC) WHERE read_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
  }
}
