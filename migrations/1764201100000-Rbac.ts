import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Per-tenant memberships, keyed by lower-cased UPN and bound to the user's `tid:oid` at their first sign-in. */
export class Rbac1764201100000 implements MigrationInterface {
  name = 'Rbac1764201100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "tenant_memberships" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "tenant_id" uuid NOT NULL REFERENCES "tenants" ("id") ON DELETE CASCADE,
        "user_upn" varchar(320) NOT NULL CHECK ("user_upn" = lower("user_upn")),
        "user_id" varchar(200) NULL,
        "role" varchar(16) NOT NULL CHECK ("role" IN ('viewer', 'operator', 'admin')),
        "granted_by" varchar(200) NOT NULL,
        "granted_at" timestamptz NOT NULL DEFAULT now(),
        "bound_at" timestamptz NULL
      )`);
    await q.query(
      `CREATE UNIQUE INDEX "tenant_memberships_tenant_upn" ON "tenant_memberships" ("tenant_id", "user_upn")`,
    );
    await q.query(`CREATE INDEX "tenant_memberships_user_upn" ON "tenant_memberships" ("user_upn")`);
    await q.query(
      `CREATE INDEX "tenant_memberships_user_id" ON "tenant_memberships" ("user_id") WHERE "user_id" IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "tenant_memberships"`);
  }
}
