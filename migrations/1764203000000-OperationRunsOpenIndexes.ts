import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cheaper run transitions (specs/003-operation-runs/spec.md "Write cost"):
 * - The two partial indexes over unfinished runs are keyed on `finished_at IS NULL` instead of `status IN ('queued',
 *   'running')` (the same rows; a CHECK now ties the two). A claim, heartbeat or completion names a status in its
 *   WHERE clause, which let the planner prove the old predicate and scan every queued or running entry of these
 *   indexes (live and dead) instead of probing the primary key: with a backlog of thousands of queued runs and
 *   statistics that had not caught up, each batched claim read thousands of index entries. Those statements cannot
 *   imply `finished_at IS NULL`, so they go by primary key; the sweeps, the monitoring list and the dedupe insert say
 *   `finished_at IS NULL` explicitly to use the new indexes.
 * - `status` is no longer an index key, so a claim (queued → running) changes no indexed column and can be a HOT
 *   update (no index entries at all), like heartbeats; `fillfactor = 80` leaves room on each page for those new row
 *   versions. The open-runs index filters status instead: it holds only unfinished runs.
 * - Runs without a dedupe key (most of them) stay out of the dedupe index.
 */
export class OperationRunsOpenIndexes1764203000000 implements MigrationInterface {
  name = 'OperationRunsOpenIndexes1764203000000';

  async up(q: QueryRunner): Promise<void> {
    // No code path completes a run without finished_at; this only guards rows written by hand before the CHECK existed.
    await q.query(
      `UPDATE operation_runs SET finished_at = COALESCE(heartbeat_at, started_at, queued_at) WHERE status = 'completed' AND finished_at IS NULL`,
    );
    await q.query(
      `UPDATE operation_runs SET finished_at = NULL WHERE status <> 'completed' AND finished_at IS NOT NULL`,
    );
    await q.query(
      `ALTER TABLE operation_runs ADD CONSTRAINT operation_runs_finished_iff_completed CHECK ((status = 'completed') = (finished_at IS NOT NULL))`,
    );
    // New unique index first, old one dropped after, in one transaction: no moment without the dedupe guarantee.
    await q.query(
      `CREATE UNIQUE INDEX operation_runs_open_dedupe_uq ON operation_runs (dedupe_key) WHERE finished_at IS NULL AND dedupe_key IS NOT NULL`,
    );
    await q.query(`DROP INDEX operation_runs_active_dedupe_uq`);
    await q.query(
      `CREATE INDEX operation_runs_open_idx ON operation_runs (created_at DESC, id DESC) WHERE finished_at IS NULL`,
    );
    await q.query(`DROP INDEX operation_runs_active_idx`);
    await q.query(`ALTER TABLE operation_runs SET (fillfactor = 80)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE operation_runs RESET (fillfactor)`);
    await q.query(
      `CREATE UNIQUE INDEX operation_runs_active_dedupe_uq ON operation_runs (dedupe_key) WHERE status IN ('queued', 'running')`,
    );
    await q.query(`DROP INDEX operation_runs_open_dedupe_uq`);
    await q.query(
      `CREATE INDEX operation_runs_active_idx ON operation_runs (status, created_at DESC, id DESC) WHERE status IN ('queued', 'running')`,
    );
    await q.query(`DROP INDEX operation_runs_open_idx`);
    await q.query(`ALTER TABLE operation_runs DROP CONSTRAINT operation_runs_finished_iff_completed`);
  }
}
