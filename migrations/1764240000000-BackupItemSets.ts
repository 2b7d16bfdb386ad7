import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Content-addressed item sets (spec 006, plan › Item sets): the items of one type in one backup form a set, stored once
 * per (tenant, type, SHA-256 of the set); a backup points to one set per type (`backup_set_refs`). A second backup of
 * an unchanged tenant then writes one small reference row per type instead of one item row per object.
 *
 * - `backup_item_sets.set_hash`: SHA-256 (hex) of the set's lines, sorted by source id in byte order (`COLLATE "C"`),
 *   joined by `\n`; a line is `backup_item_set_line(…)` — the recorder builds the same text
 *   (`domain/item-set-hash.ts`), a test checks both agree. NULL: a set this migration kept apart from an identical one
 *   (see below); it is never reused.
 * - `backup_items.set_id` replaces `backup_items.backup_id`: an item belongs to a set, shared by every backup that
 *   references it. `backup_contents` is the view "items of a backup" (refs × items), for readers and ad-hoc queries.
 * - The new tables have the same immutability triggers as items and payloads (UPDATE refused, DELETE only through the
 *   retention door).
 *
 * Existing data: every (backup, type) becomes its own set and keeps its item rows and ids (restore plans, run contexts
 * and links hold item ids). Where several existing sets are identical, only the newest carries the hash (new backups
 * reuse it); the others are left as they are and go with retention.
 */
export class BackupItemSets1764240000000 implements MigrationInterface {
  name = 'BackupItemSets1764240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION backup_item_set_line(source_id text, display_name text, odata_type text, payload_hash text,
                                           assignments_hash text, version_id uuid, secret_paths text[])
      RETURNS text LANGUAGE sql IMMUTABLE AS $$
        SELECT '[' || to_json(source_id)::text || ',' || to_json(display_name)::text || ','
               || coalesce(to_json(odata_type)::text, 'null') || ',' || to_json(payload_hash)::text || ','
               || to_json(assignments_hash)::text || ',' || to_json(version_id::text)::text || ','
               || array_to_json(coalesce(secret_paths, '{}'))::text || ']'
      $$`);

    await q.query(`
      CREATE TABLE backup_item_sets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        type_key text NOT NULL,
        set_hash char(64),
        item_count integer NOT NULL,
        first_backup_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_backup_item_sets_hash ON backup_item_sets (tenant_id, type_key, set_hash)`);

    await q.query(`
      CREATE TABLE backup_set_refs (
        backup_id uuid NOT NULL REFERENCES backups (id),
        type_key text NOT NULL,
        set_id uuid NOT NULL REFERENCES backup_item_sets (id),
        PRIMARY KEY (backup_id, type_key)
      )`);
    // Which backups hold a set: prune's orphan check, and an item's owning backup.
    await q.query(`CREATE INDEX ix_backup_set_refs_set ON backup_set_refs (set_id)`);

    // Existing items: one set per (backup, type), the hash over its lines; the newest of identical sets is reusable.
    await q.query(`
      INSERT INTO backup_item_sets (id, tenant_id, type_key, set_hash, item_count, first_backup_id, created_at)
      SELECT gen_random_uuid(), g.tenant_id, g.type_key,
             CASE WHEN row_number() OVER (PARTITION BY g.tenant_id, g.type_key, g.hash
                                          ORDER BY b.created_at DESC, b.id DESC) = 1 THEN g.hash END,
             g.n, g.backup_id, b.created_at
        FROM (SELECT i.backup_id, i.tenant_id, i.type_key, count(*)::int AS n,
                     encode(sha256(convert_to(string_agg(
                       backup_item_set_line(i.source_id, i.display_name, i.odata_type, i.payload_hash::text,
                                            i.assignments_hash::text, i.version_id, i.secret_paths),
                       E'\\n' ORDER BY i.source_id COLLATE "C"), 'UTF8')), 'hex') AS hash
                FROM backup_items i
               GROUP BY i.backup_id, i.tenant_id, i.type_key) g
        JOIN backups b ON b.id = g.backup_id`);
    await q.query(
      `INSERT INTO backup_set_refs (backup_id, type_key, set_id) SELECT first_backup_id, type_key, id FROM backup_item_sets`,
    );

    await q.query(`ALTER TABLE backup_items ADD COLUMN set_id uuid`);
    await q.query(`ALTER TABLE backup_items DISABLE TRIGGER backup_items_immutable`);
    await q.query(`
      UPDATE backup_items i SET set_id = s.id
        FROM backup_item_sets s WHERE s.first_backup_id = i.backup_id AND s.type_key = i.type_key`);
    await q.query(`ALTER TABLE backup_items ENABLE TRIGGER backup_items_immutable`);
    await q.query(`ALTER TABLE backup_items ALTER COLUMN set_id SET NOT NULL`);
    await q.query(
      `ALTER TABLE backup_items ADD CONSTRAINT fk_backup_items_set FOREIGN KEY (set_id) REFERENCES backup_item_sets (id)`,
    );
    await q.query(`DROP INDEX ix_backup_items_listing`);
    await q.query(`ALTER TABLE backup_items DROP COLUMN backup_id`); // its unique constraint and foreign key go with it
    await q.query(`ALTER TABLE backup_items ADD CONSTRAINT uq_backup_items_set_source UNIQUE (set_id, source_id)`);
    // Keyset listing of one set by name.
    await q.query(`CREATE INDEX ix_backup_items_listing ON backup_items (set_id, display_name, id)`);

    await q.query(`
      CREATE VIEW backup_contents AS
      SELECT r.backup_id, i.*
        FROM backup_set_refs r JOIN backup_items i ON i.set_id = r.set_id`);

    for (const table of ['backup_item_sets', 'backup_set_refs']) {
      await q.query(
        `CREATE TRIGGER ${table}_immutable BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION backup_content_immutable()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION backup_content_immutable()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // Back to one item row per (backup, object): a shared set's items are copied for every backup but the first.
    await q.query(`DROP VIEW backup_contents`);
    await q.query(`ALTER TABLE backup_items ADD COLUMN backup_id uuid REFERENCES backups (id)`);
    await q.query(`DROP INDEX ix_backup_items_listing`);
    await q.query(`ALTER TABLE backup_items DROP CONSTRAINT uq_backup_items_set_source`);
    await q.query(`ALTER TABLE backup_items DISABLE TRIGGER backup_items_immutable`);
    await q.query(`
      UPDATE backup_items i SET backup_id = (SELECT r.backup_id FROM backup_set_refs r JOIN backups b ON b.id = r.backup_id
                                              WHERE r.set_id = i.set_id ORDER BY b.created_at, b.id LIMIT 1)`);
    await q.query(`
      INSERT INTO backup_items (backup_id, tenant_id, type_key, source_id, display_name, odata_type, payload_hash,
                                assignments_hash, version_id, needs_secret_reentry, secret_paths, created_at, set_id)
      SELECT r.backup_id, i.tenant_id, i.type_key, i.source_id, i.display_name, i.odata_type, i.payload_hash,
             i.assignments_hash, i.version_id, i.needs_secret_reentry, i.secret_paths, i.created_at, i.set_id
        FROM backup_set_refs r JOIN backup_items i ON i.set_id = r.set_id
       WHERE r.backup_id <> i.backup_id`);
    await q.query(`DELETE FROM backup_items WHERE backup_id IS NULL`); // sets no backup referenced (none expected)
    await q.query(`ALTER TABLE backup_items ENABLE TRIGGER backup_items_immutable`);
    await q.query(`ALTER TABLE backup_items ALTER COLUMN backup_id SET NOT NULL`);
    await q.query(`ALTER TABLE backup_items DROP COLUMN set_id`);
    await q.query(
      `ALTER TABLE backup_items ADD CONSTRAINT backup_items_backup_id_type_key_source_id_key UNIQUE (backup_id, type_key, source_id)`,
    );
    await q.query(`CREATE INDEX ix_backup_items_listing ON backup_items (backup_id, type_key, display_name, id)`);
    await q.query(`DROP TABLE backup_set_refs`);
    await q.query(`DROP TABLE backup_item_sets`);
    await q.query(`DROP FUNCTION backup_item_set_line(text, text, text, text, text, uuid, text[])`);
  }
}
