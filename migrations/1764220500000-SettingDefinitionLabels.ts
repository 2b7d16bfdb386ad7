import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Display names of settings catalog setting definitions, for diff labels (one row per definition id ever used). */
export class SettingDefinitionLabels1764220500000 implements MigrationInterface {
  name = 'SettingDefinitionLabels1764220500000';

  async up(q: QueryRunner): Promise<void> {
    // Definitions are Microsoft's, the same in every tenant: no tenant_id. A null display name records that Graph
    // did not know the id (404), so it is not asked again; the diff then shows the id.
    await q.query(`
      CREATE TABLE setting_definition_labels (
        definition_id text PRIMARY KEY,
        display_name text,
        fetched_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE setting_definition_labels`);
  }
}
