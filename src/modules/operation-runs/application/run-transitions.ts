import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OperationRun } from '../domain/operation-run.entity';
import { OperationRunOutcome, type RunFailure, type SummaryCounts } from '../domain/operation-run-state';
import { MAX_FAILURES } from '../domain/run-failures';
import { queryRows, queryRuns } from './sql-rows';

const ACTIVE = `status IN ('queued', 'running')`;

/**
 * Every state change of a run, as one conditional UPDATE each. Within an attempt status only moves forward
 * (queued → running → completed); a retry starts attempt + 1 at queued; a completed run never changes again.
 * `version` grows on every write (GREATEST keeps it above versions a worker already announced live).
 */
@Injectable()
export class RunTransitions {
  constructor(private readonly db: DataSource) {}

  /** Inserts unless an active run holds the dedupe key (the partial unique index decides races). */
  async insert(input: { tenantId: string | null; type: string; initiatorUserId: string | null; dedupeKey: string | null; context: Record<string, unknown>; maxAttempts: number }): Promise<OperationRun | null> {
    const [run] = await queryRuns(
      this.db,
      `INSERT INTO operation_runs (tenant_id, type, initiator_user_id, dedupe_key, context, max_attempts)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)
       ON CONFLICT (dedupe_key) WHERE ${ACTIVE} DO NOTHING
       RETURNING *`,
      [input.tenantId, input.type, input.initiatorUserId, input.dedupeKey, JSON.stringify(input.context), input.maxAttempts],
    );
    return run ?? null;
  }

  async findActive(dedupeKey: string): Promise<OperationRun | null> {
    const [run] = await queryRuns(this.db, `SELECT * FROM operation_runs WHERE dedupe_key = $1 AND ${ACTIVE}`, [dedupeKey]);
    return run ?? null;
  }

  async find(id: string): Promise<OperationRun | null> {
    const [run] = await queryRuns(this.db, `SELECT * FROM operation_runs WHERE id = $1`, [id]);
    return run ?? null;
  }

  /** Dispatch safety: a run whose job could not be enqueued is failed, never left looking queued. */
  async failUndispatched(id: string, failure: RunFailure): Promise<OperationRun | null> {
    return this.one(
      `UPDATE operation_runs SET status = 'completed', outcome = 'failed', failures = failures || $2::jsonb, finished_at = now(), version = version + 1
       WHERE id = $1 AND status = 'queued' RETURNING *`,
      [id, JSON.stringify([failure])],
    );
  }

  async claim(id: string, attempt: number): Promise<OperationRun | null> {
    return this.one(
      `UPDATE operation_runs SET status = 'running', started_at = now(), heartbeat_at = now(), version = version + 1
       WHERE id = $1 AND status = 'queued' AND attempt = $2 RETURNING *`,
      [id, attempt],
    );
  }

  /** Heartbeat plus any coalesced progress; null when this attempt no longer owns the run (reaped, cancelled). */
  async heartbeat(id: string, attempt: number, version: number, summary: SummaryCounts | null, failures: RunFailure[] | null): Promise<{ version: number; cancelRequested: boolean } | null> {
    const [row] = await queryRows(
      this.db,
      `UPDATE operation_runs SET heartbeat_at = now(), version = GREATEST(version + 1, $3),
         summary_counts = COALESCE($4::jsonb, summary_counts), failures = COALESCE($5::jsonb, failures)
       WHERE id = $1 AND status = 'running' AND attempt = $2 RETURNING version, cancel_requested_at`,
      [id, attempt, version, summary && JSON.stringify(summary), failures && JSON.stringify(failures)],
    );
    return row ? { version: row.version, cancelRequested: row.cancel_requested_at !== null } : null;
  }

  async complete(id: string, attempt: number, version: number, end: { outcome: OperationRunOutcome; summary: SummaryCounts; failures: RunFailure[]; result: Record<string, unknown> | null }): Promise<OperationRun | null> {
    return this.one(
      `UPDATE operation_runs SET status = 'completed', outcome = $4, summary_counts = $5::jsonb, failures = $6::jsonb, result = $7::jsonb,
         finished_at = now(), heartbeat_at = now(), version = GREATEST(version + 1, $3)
       WHERE id = $1 AND status = 'running' AND attempt = $2 RETURNING *`,
      [id, attempt, version, end.outcome, JSON.stringify(end.summary), JSON.stringify(end.failures), end.result && JSON.stringify(end.result)],
    );
  }

  async cancelQueued(id: string, requestedBy: string | null): Promise<OperationRun | null> {
    return this.one(
      `UPDATE operation_runs SET status = 'completed', outcome = 'cancelled', cancel_requested_at = now(), cancel_requested_by = $2, finished_at = now(), version = version + 1
       WHERE id = $1 AND status = 'queued' RETURNING *`,
      [id, requestedBy],
    );
  }

  async flagCancel(id: string, requestedBy: string | null): Promise<OperationRun | null> {
    return this.one(
      `UPDATE operation_runs SET cancel_requested_at = now(), cancel_requested_by = $2, version = version + 1
       WHERE id = $1 AND status = 'running' AND cancel_requested_at IS NULL RETURNING *`,
      [id, requestedBy],
    );
  }

  /**
   * A running attempt whose worker died (stale heartbeat) or overran: retried at attempt + 1 when `retry` and
   * attempts remain, else completed timed_out (cancelled if a cancel was pending). Re-checks staleness in SQL so a
   * heartbeat that lands meanwhile wins.
   */
  async recover(id: string, attempt: number, staleAfterMs: number, overdueAfterMs: number, retry: boolean, failure: RunFailure): Promise<OperationRun | null> {
    const retries = `($5 AND attempt < max_attempts AND cancel_requested_at IS NULL)`;
    return this.one(
      `UPDATE operation_runs SET
         status = CASE WHEN ${retries} THEN 'queued' ELSE 'completed' END,
         outcome = CASE WHEN ${retries} THEN NULL WHEN cancel_requested_at IS NOT NULL THEN '${OperationRunOutcome.Cancelled}' ELSE '${OperationRunOutcome.TimedOut}' END,
         attempt = CASE WHEN ${retries} THEN attempt + 1 ELSE attempt END,
         queued_at = CASE WHEN ${retries} THEN now() ELSE queued_at END,
         heartbeat_at = CASE WHEN ${retries} THEN NULL ELSE heartbeat_at END,
         finished_at = CASE WHEN ${retries} THEN NULL ELSE now() END,
         failures = CASE WHEN ${retries} OR jsonb_array_length(failures) >= ${MAX_FAILURES} THEN failures ELSE failures || $6::jsonb END,
         version = version + 1
       WHERE id = $1 AND status = 'running' AND attempt = $2
         AND (heartbeat_at < now() - make_interval(secs => $3::float8 / 1000) OR started_at < now() - make_interval(secs => $4::float8 / 1000))
       RETURNING *`,
      [id, attempt, staleAfterMs, overdueAfterMs, retry, JSON.stringify([failure])],
    );
  }

  /** Running attempts whose heartbeat or start is older than the smallest limit of any type (each is re-checked). */
  async findStaleCandidates(minStaleMs: number, minOverdueMs: number): Promise<OperationRun[]> {
    return queryRuns(
      this.db,
      `SELECT * FROM operation_runs WHERE status = 'running'
         AND (heartbeat_at < now() - make_interval(secs => $1::float8 / 1000) OR started_at < now() - make_interval(secs => $2::float8 / 1000))
       ORDER BY heartbeat_at LIMIT 200`,
      [minStaleMs, minOverdueMs],
    );
  }

  async findQueuedSince(graceMs: number): Promise<OperationRun[]> {
    return queryRuns(this.db, `SELECT * FROM operation_runs WHERE status = 'queued' AND queued_at < now() - make_interval(secs => $1::float8 / 1000) ORDER BY queued_at LIMIT 500`, [graceMs]);
  }

  private async one(sql: string, params: unknown[]): Promise<OperationRun | null> {
    const [run] = await queryRuns(this.db, sql, params);
    return run ?? null;
  }
}
