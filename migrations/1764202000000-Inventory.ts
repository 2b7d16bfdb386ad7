import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Inventory1764202000000 implements MigrationInterface {
  name = 'Inventory1764202000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE inventory_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        type_key text NOT NULL,
        external_id text NOT NULL,
        name text NOT NULL,
        odata_type text,
        platform text,
        last_modified_at timestamptz,
        version text,
        scope_tag_ids text[] NOT NULL DEFAULT '{}',
        meta jsonb NOT NULL DEFAULT '{}',
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        last_seen_run_id uuid NOT NULL,
        missing_since timestamptz
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_inventory_items_object ON inventory_items (tenant_id, type_key, external_id)`,
    );
    // Keyset listing: by name within a tenant (optionally one type), and the missing sweep per type.
    await q.query(`CREATE INDEX ix_inventory_items_tenant_name ON inventory_items (tenant_id, name, id)`);
    await q.query(
      `CREATE INDEX ix_inventory_items_tenant_type_name ON inventory_items (tenant_id, type_key, name, id)`,
    );
    await q.query(
      `CREATE INDEX ix_inventory_items_missing ON inventory_items (tenant_id, type_key) WHERE missing_since IS NOT NULL`,
    );

    await q.query(`
      CREATE TABLE inventory_type_states (
        tenant_id uuid NOT NULL,
        type_key text NOT NULL,
        status text NOT NULL CHECK (status IN ('synced', 'skipped', 'failed')),
        reason text,
        last_run_id uuid NOT NULL,
        last_attempt_at timestamptz NOT NULL,
        last_complete_sync_at timestamptz,
        PRIMARY KEY (tenant_id, type_key)
      )`);

    await q.query(`
      CREATE TABLE directory_groups (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id uuid NOT NULL,
        external_id text NOT NULL,
        display_name text NOT NULL,
        description text,
        mail text,
        security_enabled boolean NOT NULL DEFAULT false,
        mail_enabled boolean NOT NULL DEFAULT false,
        group_types text[] NOT NULL DEFAULT '{}',
        has_membership_rule boolean NOT NULL DEFAULT false,
        first_seen_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        last_seen_run_id uuid NOT NULL,
        deleted_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_directory_groups_group ON directory_groups (tenant_id, external_id)`);
    await q.query(
      `CREATE INDEX ix_directory_groups_tenant_name ON directory_groups (tenant_id, lower(display_name), id)`,
    );

    await q.query(`
      CREATE TABLE inventory_schedules (
        tenant_id uuid PRIMARY KEY,
        cron text NOT NULL,
        updated_by text,
        updated_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE inventory_schedules`);
    await q.query(`DROP TABLE directory_groups`);
    await q.query(`DROP TABLE inventory_type_states`);
    await q.query(`DROP TABLE inventory_items`);
  }
}
