import type { MigrationInterface, QueryRunner } from 'typeorm';

/** operation_runs: the record of every long-running piece of work (see specs/003-operation-runs). */
export class OperationRuns1764200000000 implements MigrationInterface {
  name = 'OperationRuns1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE operation_runs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tenant_id text NULL,
        type text NOT NULL,
        status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'completed')),
        outcome text NULL CHECK (outcome IN ('succeeded', 'partially_succeeded', 'failed', 'cancelled', 'timed_out')),
        initiator_user_id text NULL,
        dedupe_key text NULL,
        context jsonb NOT NULL DEFAULT '{}'::jsonb,
        summary_counts jsonb NOT NULL DEFAULT '{"total":0,"processed":0,"succeeded":0,"failed":0,"skipped":0}'::jsonb,
        failures jsonb NOT NULL DEFAULT '[]'::jsonb,
        result jsonb NULL,
        attempt integer NOT NULL DEFAULT 1,
        max_attempts integer NOT NULL DEFAULT 1,
        cancel_requested_at timestamptz(3) NULL,
        cancel_requested_by text NULL,
        heartbeat_at timestamptz(3) NULL,
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        queued_at timestamptz(3) NOT NULL DEFAULT now(),
        started_at timestamptz(3) NULL,
        finished_at timestamptz(3) NULL,
        version integer NOT NULL DEFAULT 1,
        CONSTRAINT operation_runs_outcome_only_when_completed CHECK ((status = 'completed') = (outcome IS NOT NULL))
      )`);
    // Invariant 1: at most one active run per dedupe key, decided by PostgreSQL (INSERT … ON CONFLICT uses it).
    await q.query(
      `CREATE UNIQUE INDEX operation_runs_active_dedupe_uq ON operation_runs (dedupe_key) WHERE status IN ('queued', 'running')`,
    );
    // Monitoring list: keyset on (created_at DESC, id DESC), alone and behind each common equality filter. A status
    // filter uses the active index below for queued/running and created_idx (nearly every row is completed) otherwise.
    await q.query(`CREATE INDEX operation_runs_created_idx ON operation_runs (created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX operation_runs_tenant_created_idx ON operation_runs (tenant_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE INDEX operation_runs_type_created_idx ON operation_runs (type, created_at DESC, id DESC)`);
    await q.query(
      `CREATE INDEX operation_runs_initiator_created_idx ON operation_runs (initiator_user_id, created_at DESC, id DESC)`,
    );
    // Active runs only (reconciler, reaper, "queued"/"running" lists): completed rows leave it, so it stays tiny. One
    // index instead of a full status index plus two sweep indexes: claim and complete change status, so every index
    // of the table gets an entry on each of them (specs/003-operation-runs/spec.md "Write cost").
    await q.query(
      `CREATE INDEX operation_runs_active_idx ON operation_runs (status, created_at DESC, id DESC) WHERE status IN ('queued', 'running')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE operation_runs`);
  }
}
