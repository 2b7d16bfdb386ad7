import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Backups (spec 006): content-addressed, immutable snapshots.
 * - `backup_payloads`: the raw JSON of a policy payload or an assignment set exactly as Graph returned it (`json`, not
 *   `jsonb`: jsonb reorders keys and drops duplicates, `json` keeps the text), stored once per (tenant, SHA-256 of its
 *   canonical form).
 * - `backup_items` and `backup_payloads` refuse UPDATE always and DELETE unless the transaction opted in with
 *   `SELECT set_config('tenantatlas.backup_deletion', 'on', true)` (retention prune, and the cleanup of a failed
 *   backup); TRUNCATE is refused. A backup row changes only while it is running.
 */
export class Backups1764220000000 implements MigrationInterface {
  name = 'Backups1764220000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE backups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        source text NOT NULL CHECK (source IN ('graph', 'import')),
        status text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
        run_id uuid,
        label text,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        item_count integer NOT NULL DEFAULT 0,
        counts_by_type jsonb NOT NULL DEFAULT '{}',
        needs_secret_reentry_count integer NOT NULL DEFAULT 0,
        new_payload_count integer NOT NULL DEFAULT 0,
        new_version_count integer NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX ix_backups_tenant_created ON backups (tenant_id, created_at DESC, id DESC)`);

    await q.query(`
      CREATE TABLE backup_payloads (
        tenant_id uuid NOT NULL,
        sha256 char(64) NOT NULL,
        kind text NOT NULL CHECK (kind IN ('payload', 'assignments')),
        body json NOT NULL,
        bytes integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, sha256)
      )`);

    await q.query(`
      CREATE TABLE policy_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        type_key text NOT NULL,
        source_id text NOT NULL,
        version_number integer NOT NULL,
        payload_hash char(64) NOT NULL,
        assignments_hash char(64) NOT NULL,
        first_backup_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (tenant_id, type_key, source_id, version_number)
      )`);

    await q.query(`
      CREATE TABLE backup_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        backup_id uuid NOT NULL REFERENCES backups (id),
        tenant_id uuid NOT NULL,
        type_key text NOT NULL,
        source_id text NOT NULL,
        display_name text NOT NULL,
        odata_type text,
        payload_hash char(64) NOT NULL,
        assignments_hash char(64) NOT NULL,
        version_id uuid NOT NULL REFERENCES policy_versions (id),
        needs_secret_reentry boolean NOT NULL DEFAULT false,
        secret_paths text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (backup_id, type_key, source_id),
        FOREIGN KEY (tenant_id, payload_hash) REFERENCES backup_payloads (tenant_id, sha256),
        FOREIGN KEY (tenant_id, assignments_hash) REFERENCES backup_payloads (tenant_id, sha256)
      )`);
    // Keyset listing of one backup (by type, name), versions' items, and the payload reference checks of a prune.
    await q.query(`CREATE INDEX ix_backup_items_listing ON backup_items (backup_id, type_key, display_name, id)`);
    await q.query(`CREATE INDEX ix_backup_items_version ON backup_items (version_id)`);
    await q.query(`CREATE INDEX ix_backup_items_payload ON backup_items (tenant_id, payload_hash)`);
    await q.query(`CREATE INDEX ix_backup_items_assignments ON backup_items (tenant_id, assignments_hash)`);

    await q.query(`
      CREATE TABLE backup_schedules (
        tenant_id uuid PRIMARY KEY,
        cron text NOT NULL,
        updated_by text,
        updated_at timestamptz NOT NULL
      )`);

    await q.query(`
      CREATE FUNCTION backup_content_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND current_setting('tenantatlas.backup_deletion', true) = 'on' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION '% is immutable: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['backup_items', 'backup_payloads']) {
      await q.query(
        `CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION backup_content_immutable()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION backup_content_immutable()`,
      );
    }
    await q.query(`
      CREATE FUNCTION backups_frozen_when_done() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF current_setting('tenantatlas.backup_deletion', true) = 'on' THEN RETURN OLD; END IF;
          RAISE EXCEPTION 'backups: DELETE is allowed only for retention' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.status <> 'running' THEN
          RAISE EXCEPTION 'backups: a % backup cannot change', OLD.status USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER backups_frozen BEFORE UPDATE OR DELETE ON backups FOR EACH ROW EXECUTE FUNCTION backups_frozen_when_done()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE backup_items`);
    await q.query(`DROP TABLE policy_versions`);
    await q.query(`DROP TABLE backup_payloads`);
    await q.query(`DROP TABLE backups`);
    await q.query(`DROP TABLE backup_schedules`);
    await q.query(`DROP FUNCTION backup_content_immutable()`);
    await q.query(`DROP FUNCTION backups_frozen_when_done()`);
  }
}
