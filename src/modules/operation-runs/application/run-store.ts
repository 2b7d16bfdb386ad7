import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OperationRun } from '../domain/operation-run.entity';
import {
  OperationRunOutcome,
  OperationRunStatus,
  type RunFailure,
  type SummaryCounts,
} from '../../../infrastructure/runs';
import { MAX_FAILURES } from '../domain/run-failures';
import { Outbox, outboxRows, stage, type OutboxEvent, type StagedEvent } from '../../../infrastructure/events';
import { queryRows, queryRuns } from './sql-rows';
import { WriteBatcher } from './write-batcher';

/** Queued or running (a CHECK ties it to status): the predicate of the partial indexes over unfinished runs. */
const OPEN = `finished_at IS NULL`;

/**
 * Claims (and heartbeats) commit without waiting for the WAL flush: losing one to a PostgreSQL crash only puts the run
 * back to `queued` (the reconciler re-drives it, the worker's next heartbeat or completion finds it not running and
 * drops its result), and any later synchronous commit (the completion) flushes it first, because WAL is sequential.
 * Inserts, completions, cancels and recoveries keep synchronous commit.
 */
const RELAXED_COMMIT = `set_config('synchronous_commit', 'off', true) IS NOT NULL`;

/**
 * Up to two hot-path statements of one kind at once per process; requests arriving meanwhile share the next one. One
 * measured ~10 % faster under the benchmark, two keeps a second lane if one statement is slow (a row lock).
 */
const BATCH = { maxBatch: 100, maxInFlight: 2, duplicates: 'defer' as const };

interface InsertRequest {
  id: string;
  tenant_id: string | null;
  type: string;
  initiator_user_id: string | null;
  dedupe_key: string | null;
  context: Record<string, unknown>;
  max_attempts: number;
  events: StagedEvent[];
}
interface ClaimRequest {
  id: string;
  attempt: number;
}
interface CompletedColumns {
  id: string;
  version: number;
  heartbeat_at: Date;
  finished_at: Date;
  cancel_requested_at: Date | null;
}
interface CompleteRequest {
  id: string;
  attempt: number;
  version: number;
  outcome: OperationRunOutcome;
  summary_counts: SummaryCounts;
  failures: RunFailure[];
  result: Record<string, unknown> | null;
  events: StagedEvent[];
}

/** A transition with the events it wrote to the outbox in the same transaction (publish them after it). */
export interface AnnouncedTransition {
  run: OperationRun;
  events: StagedEvent[];
}

/**
 * The outbox rows of a batch, joined to the rows the statement actually changed; an event whose payload carries the
 * run's `version` gets the version the statement decided (callers patch their copy the same way: withVersion).
 */
const eventsOf = (requests: { id: string; events: StagedEvent[] }[]) =>
  JSON.stringify(requests.flatMap((r) => outboxRows(r.events).map((row) => ({ ...row, run_id: r.id }))));
const INSERT_EVENTS = (changed: string, param: string) => `
  INSERT INTO outbox_events (id, aggregate_id, name, payload)
  SELECT (e.value->>'id')::uuid, e.value->>'aggregate_id', e.value->>'name',
         CASE WHEN e.value->'payload' ? 'version'
              THEN (e.value->'payload') || jsonb_build_object('version', ${changed}.version) ELSE e.value->'payload' END
    FROM jsonb_array_elements(${param}::jsonb) WITH ORDINALITY AS e(value, ord)
    JOIN ${changed} ON ${changed}.id = (e.value->>'run_id')::uuid
   ORDER BY e.ord`;

/** The caller's copy of staged events, with the version the statement gave the run (as INSERT_EVENTS does). */
export function withVersion(events: StagedEvent[], version: number): StagedEvent[] {
  return events.map((e) =>
    e.payload && typeof e.payload === 'object' && 'version' in e.payload
      ? ({ ...e, payload: { ...e.payload, version } } as StagedEvent)
      : e,
  );
}

/**
 * Every state change of a run, as one conditional UPDATE each. Within an attempt status only moves forward
 * (queued → running → completed); a retry starts attempt + 1 at queued; a completed run never changes again.
 * `version` grows on every write (GREATEST keeps it above versions a worker already announced live).
 */
@Injectable()
export class RunStore {
  constructor(
    private readonly db: DataSource,
    private readonly outbox: Outbox,
  ) {}

  /** Inserts unless an active run holds the dedupe key (the partial unique index decides races). */
  async insert(input: {
    tenantId: string | null;
    type: string;
    initiatorUserId: string | null;
    dedupeKey: string | null;
    context: Record<string, unknown>;
    maxAttempts: number;
    id: string;
    events: StagedEvent[];
  }): Promise<OperationRun | null> {
    return this.inserts.submit({
      id: input.id,
      tenant_id: input.tenantId,
      type: input.type,
      initiator_user_id: input.initiatorUserId,
      dedupe_key: input.dedupeKey,
      context: input.context,
      max_attempts: input.maxAttempts,
      events: input.events,
    });
  }

  // Group commit of the three writes every run makes (see WriteBatcher). A batch never holds two requests for one run
  // or one dedupe key; each row keeps its own condition, and a request whose row is not returned lost its race.
  // Updates join on unnest() of typed arrays (not jsonb_to_recordset): its row estimate is exact, so the planner
  // looks each run up by primary key instead of hashing every queued/running row.
  private readonly inserts = new WriteBatcher<InsertRequest, OperationRun | null>(
    async (requests) =>
      byId(
        requests,
        await queryRuns(
          this.db,
          `WITH inserted AS (
             INSERT INTO operation_runs (id, tenant_id, type, initiator_user_id, dedupe_key, context, max_attempts)
             SELECT id, tenant_id, type, initiator_user_id, dedupe_key, context, max_attempts
               FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, tenant_id text, type text, initiator_user_id text, dedupe_key text, context jsonb, max_attempts int)
             ON CONFLICT (dedupe_key) WHERE ${OPEN} AND dedupe_key IS NOT NULL DO NOTHING
             RETURNING *
           ), announced AS (${INSERT_EVENTS('inserted', '$2')})
           SELECT * FROM inserted`,
          [JSON.stringify(requests.map(({ events: _events, ...row }) => row)), eventsOf(requests)],
        ),
      ),
    (request) => request.dedupe_key ?? request.id,
    // Two starts of the same work in one batch: the first inserts, the other gets null after it (start then reads the
    // active run), exactly as if it had lost the race on the unique index.
    { ...BATCH, duplicates: { lostRace: null } },
  );

  private readonly claims = new WriteBatcher<ClaimRequest, OperationRun | null>(
    async (requests) =>
      byId(
        requests,
        await queryRuns(
          this.db,
          `UPDATE operation_runs r SET status = 'running', started_at = now(), heartbeat_at = now(), version = r.version + 1
             FROM unnest($1::uuid[], $2::int[]) AS c(id, attempt)
            WHERE r.id = c.id AND r.status = 'queued' AND r.attempt = c.attempt AND ${RELAXED_COMMIT}
           RETURNING r.*`,
          [requests.map((q) => q.id), requests.map((q) => q.attempt)],
        ),
      ),
    (request) => request.id,
    BATCH,
  );

  private readonly completions = new WriteBatcher<CompleteRequest, CompletedColumns | null>(
    async (requests) =>
      byId(
        requests,
        (await queryRows(
          this.db,
          `WITH completed AS (
             UPDATE operation_runs r SET status = 'completed', outcome = c.outcome, summary_counts = c.summary_counts, failures = c.failures, result = c.result,
               finished_at = now(), heartbeat_at = now(), version = GREATEST(r.version + 1, c.version)
               FROM unnest($1::uuid[], $2::int[], $3::int[], $4::text[], $5::jsonb[], $6::jsonb[], $7::jsonb[]) AS c(id, attempt, version, outcome, summary_counts, failures, result)
              WHERE r.id = c.id AND r.status = 'running' AND r.attempt = c.attempt
             RETURNING r.id, r.version, r.heartbeat_at, r.finished_at, r.cancel_requested_at
           ), announced AS (${INSERT_EVENTS('completed', '$8')})
           SELECT * FROM completed`,
          [
            requests.map((q) => q.id),
            requests.map((q) => q.attempt),
            requests.map((q) => q.version),
            requests.map((q) => q.outcome),
            requests.map((q) => JSON.stringify(q.summary_counts)),
            requests.map((q) => JSON.stringify(q.failures)),
            requests.map((q) => (q.result === null ? null : JSON.stringify(q.result))),
            eventsOf(requests),
          ],
        )) as CompletedColumns[],
      ),
    (request) => request.id,
    BATCH,
  );

  async findActive(dedupeKey: string): Promise<OperationRun | null> {
    const [run] = await queryRuns(this.db, `SELECT * FROM operation_runs WHERE dedupe_key = $1 AND ${OPEN}`, [
      dedupeKey,
    ]);
    return run ?? null;
  }

  async find(id: string): Promise<OperationRun | null> {
    const [run] = await queryRuns(this.db, `SELECT * FROM operation_runs WHERE id = $1`, [id]);
    return run ?? null;
  }

  /** Dispatch safety: a run whose job could not be enqueued is failed, never left looking queued. */
  async failUndispatched(
    id: string,
    failure: RunFailure,
    announce: (run: OperationRun) => OutboxEvent[],
  ): Promise<AnnouncedTransition | null> {
    return this.announced(
      announce,
      `UPDATE operation_runs SET status = 'completed', outcome = 'failed', failures = failures || $2::jsonb, finished_at = now(), version = version + 1
       WHERE id = $1 AND status = 'queued' RETURNING *`,
      [id, JSON.stringify([failure])],
    );
  }

  claim(id: string, attempt: number): Promise<OperationRun | null> {
    return this.claims.submit({ id, attempt });
  }

  /** Heartbeat plus any coalesced progress; null when this attempt no longer owns the run (reaped, cancelled). */
  async heartbeat(
    id: string,
    attempt: number,
    version: number,
    summary: SummaryCounts | null,
    failures: RunFailure[] | null,
  ): Promise<{ version: number; cancelRequested: boolean } | null> {
    const [row] = await queryRows(
      this.db,
      `UPDATE operation_runs SET heartbeat_at = now(), version = GREATEST(version + 1, $3),
         summary_counts = COALESCE($4::jsonb, summary_counts), failures = COALESCE($5::jsonb, failures)
       WHERE id = $1 AND status = 'running' AND attempt = $2 AND ${RELAXED_COMMIT} RETURNING version, cancel_requested_at`,
      [id, attempt, version, summary && JSON.stringify(summary), failures && JSON.stringify(failures)],
    );
    return row ? { version: row.version, cancelRequested: row.cancel_requested_at !== null } : null;
  }

  /**
   * The completed run, or null when this attempt no longer owns it. Only the columns the database decides come back
   * (the rest is what the caller sent or already held): parsing whole rows was a measurable share of the hot path.
   */
  async complete(
    run: OperationRun,
    version: number,
    end: {
      outcome: OperationRunOutcome;
      summary: SummaryCounts;
      failures: RunFailure[];
      result: Record<string, unknown> | null;
    },
    events: StagedEvent[],
  ): Promise<OperationRun | null> {
    const row = await this.completions.submit({
      id: run.id,
      attempt: run.attempt,
      version,
      outcome: end.outcome,
      summary_counts: end.summary,
      failures: end.failures,
      result: end.result,
      events,
    });
    if (!row) return null;
    return Object.assign(Object.create(Object.getPrototypeOf(run) as object) as OperationRun, run, {
      status: OperationRunStatus.Completed,
      outcome: end.outcome,
      summaryCounts: end.summary,
      failures: end.failures,
      result: end.result,
      version: row.version,
      heartbeatAt: row.heartbeat_at,
      finishedAt: row.finished_at,
      cancelRequestedAt: row.cancel_requested_at,
    });
  }

  async cancelQueued(
    id: string,
    requestedBy: string | null,
    announce: (run: OperationRun) => OutboxEvent[],
  ): Promise<AnnouncedTransition | null> {
    return this.announced(
      announce,
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
  async recover(
    id: string,
    attempt: number,
    staleAfterMs: number,
    overdueAfterMs: number,
    retry: boolean,
    failure: RunFailure,
    terminal: OperationRunOutcome.TimedOut | OperationRunOutcome.Failed,
    announce: (run: OperationRun) => OutboxEvent[],
  ): Promise<AnnouncedTransition | null> {
    const retries = `($5 AND attempt < max_attempts AND cancel_requested_at IS NULL)`;
    return this.announced(
      announce,
      `UPDATE operation_runs SET
         status = CASE WHEN ${retries} THEN 'queued' ELSE 'completed' END,
         outcome = CASE WHEN ${retries} THEN NULL WHEN cancel_requested_at IS NOT NULL THEN '${OperationRunOutcome.Cancelled}' ELSE $7 END,
         attempt = CASE WHEN ${retries} THEN attempt + 1 ELSE attempt END,
         queued_at = CASE WHEN ${retries} THEN now() ELSE queued_at END,
         heartbeat_at = CASE WHEN ${retries} THEN NULL ELSE heartbeat_at END,
         finished_at = CASE WHEN ${retries} THEN NULL ELSE now() END,
         failures = CASE WHEN ${retries} OR jsonb_array_length(failures) >= ${MAX_FAILURES} THEN failures ELSE failures || $6::jsonb END,
         version = version + 1
       WHERE id = $1 AND status = 'running' AND attempt = $2
         AND (heartbeat_at < now() - make_interval(secs => $3::float8 / 1000) OR started_at < now() - make_interval(secs => $4::float8 / 1000))
       RETURNING *`,
      [id, attempt, staleAfterMs, overdueAfterMs, retry, JSON.stringify([failure]), terminal],
    );
  }

  /** Running attempts whose heartbeat or start is older than the smallest limit of any type (each is re-checked). */
  async findStaleCandidates(minStaleMs: number, minOverdueMs: number): Promise<OperationRun[]> {
    return queryRuns(
      this.db,
      `SELECT * FROM operation_runs WHERE status = 'running' AND ${OPEN}
         AND (heartbeat_at < now() - make_interval(secs => $1::float8 / 1000) OR started_at < now() - make_interval(secs => $2::float8 / 1000))
       ORDER BY heartbeat_at LIMIT 200`,
      [minStaleMs, minOverdueMs],
    );
  }

  async findQueuedSince(graceMs: number): Promise<OperationRun[]> {
    return queryRuns(
      this.db,
      `SELECT * FROM operation_runs WHERE status = 'queued' AND ${OPEN} AND queued_at < now() - make_interval(secs => $1::float8 / 1000) ORDER BY queued_at LIMIT 500`,
      [graceMs],
    );
  }

  /** One transition and the events it announces (built from the changed row), committed together. */
  private announced(
    announce: (run: OperationRun) => OutboxEvent[],
    sql: string,
    params: unknown[],
  ): Promise<AnnouncedTransition | null> {
    return this.db.transaction(async (manager) => {
      const [run] = await queryRuns(manager, sql, params);
      if (!run) return null;
      const events = stage(announce(run));
      await this.outbox.add(manager, events);
      return { run, events };
    });
  }

  private async one(sql: string, params: unknown[]): Promise<OperationRun | null> {
    const [run] = await queryRuns(this.db, sql, params);
    return run ?? null;
  }
}

/** The returned row of each request, in request order (null: its condition did not hold). */
function byId<Row extends { id: string }>(requests: { id: string }[], returned: Row[]): (Row | null)[] {
  const rows = new Map(returned.map((row) => [row.id, row]));
  return requests.map((request) => rows.get(request.id) ?? null);
}
