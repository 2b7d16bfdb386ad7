import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenant connections; credentials are AES-256-GCM ciphertext with the id of the key that sealed them. */
export class Tenants1764201000000 implements MigrationInterface {
  name = 'Tenants1764201000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "tenants" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "entra_tenant_id" uuid NOT NULL,
        "display_name" varchar(256) NOT NULL,
        "client_id" uuid NOT NULL,
        "status" varchar(16) NOT NULL DEFAULT 'active' CHECK ("status" IN ('active', 'archived')),
        "archived_at" timestamptz NULL,
        "credential_kind" varchar(16) NOT NULL CHECK ("credential_kind" IN ('secret', 'certificate')),
        "credential_key_id" varchar(32) NOT NULL,
        "credential_ciphertext" text NOT NULL,
        "credential_version" integer NOT NULL DEFAULT 1,
        "credential_set_at" timestamptz NOT NULL,
        "credential_expires_at" timestamptz NULL,
        "granted_permissions" jsonb NULL,
        "capabilities" jsonb NULL,
        "verification" jsonb NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now()
      )`);
    // One connection per Entra tenant: a second registration is a CONFLICT, archived or not (history stays attached).
    await q.query(`CREATE UNIQUE INDEX "tenants_entra_tenant_id_unique" ON "tenants" ("entra_tenant_id")`);
    await q.query(`CREATE INDEX "tenants_credential_key_id" ON "tenants" ("credential_key_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "tenants"`);
  }
}
