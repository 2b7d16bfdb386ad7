import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The append-only audit trail: the database itself rejects UPDATE, DELETE and TRUNCATE. */
export class Audit1764201200000 implements MigrationInterface {
  name = 'Audit1764201200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "audit_events" (
        "seq" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "actor_id" varchar(200) NOT NULL,
        "actor_upn" varchar(320) NULL,
        "tenant_id" uuid NULL,
        "action" varchar(100) NOT NULL,
        "target_type" varchar(100) NOT NULL,
        "target_id" varchar(200) NULL,
        "metadata" jsonb NOT NULL DEFAULT '{}'::jsonb,
        "request_id" varchar(100) NULL,
        "at" timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX "audit_events_tenant_seq" ON "audit_events" ("tenant_id", "seq")`);
    await q.query(`
      CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(
      `CREATE TRIGGER "audit_events_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"()`,
    );
    await q.query(
      `CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events" FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_events"`);
    await q.query(`DROP FUNCTION "audit_events_append_only"()`);
  }
}
