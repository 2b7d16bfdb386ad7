import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Restore: plans (with items and mappings), per-item results of an execution, and the cross-tenant ID ledger. */
export class Restore1764230000000 implements MigrationInterface {
  name = 'Restore1764230000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE restore_plans (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_tenant_id uuid NOT NULL,
        target_tenant_id uuid NOT NULL,
        backup_id uuid NOT NULL,
        mode text NOT NULL CHECK (mode IN ('createOrUpdate', 'createOnly')),
        include_assignments boolean NOT NULL,
        selection jsonb NOT NULL DEFAULT '{}',
        status text NOT NULL CHECK (status IN ('draft', 'ready', 'confirmed', 'executed', 'expired', 'failed')),
        plan_hash text,
        expires_at timestamptz,
        counts jsonb NOT NULL DEFAULT '{}',
        preview_run_id uuid NOT NULL,
        execute_run_id uuid,
        created_by text,
        confirmed_by text,
        confirmed_at timestamptz,
        executed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_restore_plans_preview_run ON restore_plans (preview_run_id)`);
    await q.query(`CREATE INDEX ix_restore_plans_target ON restore_plans (target_tenant_id, created_at DESC, id)`);
    await q.query(`CREATE INDEX ix_restore_plans_source ON restore_plans (source_tenant_id, created_at DESC, id)`);

    await q.query(`
      CREATE TABLE restore_plan_items (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES restore_plans (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        backup_item_id uuid NOT NULL,
        type_key text NOT NULL,
        source_id text NOT NULL,
        display_name text NOT NULL,
        odata_type text,
        action text NOT NULL CHECK (action IN ('create', 'update', 'skip', 'blocked')),
        reasons text[] NOT NULL DEFAULT '{}',
        base_reasons text[] NOT NULL DEFAULT '{}',
        intended_action text NOT NULL CHECK (intended_action IN ('create', 'update', 'skip', 'blocked')),
        refs jsonb NOT NULL DEFAULT '[]',
        target_id text,
        matched_by text,
        target_fingerprint text,
        inventory_fingerprint text,
        diff jsonb
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_restore_plan_items_seq ON restore_plan_items (plan_id, seq)`);

    await q.query(`
      CREATE TABLE restore_mappings (
        plan_id uuid NOT NULL REFERENCES restore_plans (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('group', 'filter', 'scopeTag', 'roleDefinition')),
        source_id text NOT NULL,
        source_name text,
        target_id text,
        found_by text NOT NULL CHECK (found_by IN ('sameId', 'ledger', 'name', 'planned', 'builtIn', 'override', 'none')),
        note text,
        PRIMARY KEY (plan_id, kind, source_id)
      )`);

    await q.query(`
      CREATE TABLE restore_results (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        run_id uuid NOT NULL,
        plan_id uuid NOT NULL REFERENCES restore_plans (id) ON DELETE CASCADE,
        plan_item_id uuid NOT NULL REFERENCES restore_plan_items (id) ON DELETE CASCADE,
        seq integer NOT NULL,
        status text NOT NULL CHECK (status IN ('succeeded', 'failed', 'skipped', 'conflict', 'blocked')),
        target_id text,
        created boolean NOT NULL DEFAULT false,
        message text,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    // A plan executes once: one result per item, which is also what a resumed attempt skips.
    await q.query(`CREATE UNIQUE INDEX uq_restore_results_item ON restore_results (plan_item_id)`);
    await q.query(`CREATE INDEX ix_restore_results_run ON restore_results (run_id, seq)`);

    await q.query(`
      CREATE TABLE restore_id_ledger (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_tenant_id uuid NOT NULL,
        type_key text NOT NULL,
        source_id text NOT NULL,
        target_tenant_id uuid NOT NULL,
        target_id text NOT NULL,
        plan_id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_restore_id_ledger_source ON restore_id_ledger (source_tenant_id, type_key, source_id, target_tenant_id)`,
    );
    await q.query(`CREATE INDEX ix_restore_id_ledger_target ON restore_id_ledger (target_tenant_id, at DESC, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE restore_id_ledger`);
    await q.query(`DROP TABLE restore_results`);
    await q.query(`DROP TABLE restore_mappings`);
    await q.query(`DROP TABLE restore_plan_items`);
    await q.query(`DROP TABLE restore_plans`);
  }
}
