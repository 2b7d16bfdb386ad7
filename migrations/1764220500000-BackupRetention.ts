import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-tenant backup retention (issue 11): no row = keep every backup. */
export class BackupRetention1764220500000 implements MigrationInterface {
  name = 'BackupRetention1764220500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE backup_retention_policies (
        tenant_id uuid PRIMARY KEY,
        keep_last integer CHECK (keep_last IS NULL OR keep_last >= 1),
        keep_days integer CHECK (keep_days IS NULL OR keep_days >= 1),
        updated_by text,
        updated_at timestamptz NOT NULL,
        CHECK (keep_last IS NOT NULL OR keep_days IS NOT NULL)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE backup_retention_policies`);
  }
}
