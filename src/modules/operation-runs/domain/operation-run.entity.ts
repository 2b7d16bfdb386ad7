import { Column, Entity, PrimaryColumn } from 'typeorm';
import {
  OperationRunOutcome,
  OperationRunStatus,
  type RunFailure,
  type SummaryCounts,
} from '../../../infrastructure/runs';

/** The aggregate. State transitions are conditional SQL updates (see application/run-store.ts), never blind saves. */
@Entity({ name: 'operation_runs' })
export class OperationRun {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'tenant_id', type: 'text', nullable: true }) tenantId: string | null;
  @Column('text') type: string;
  @Column({ type: 'text' }) status: OperationRunStatus;
  @Column({ type: 'text', nullable: true }) outcome: OperationRunOutcome | null;
  @Column({ name: 'initiator_user_id', type: 'text', nullable: true }) initiatorUserId: string | null;
  @Column({ name: 'dedupe_key', type: 'text', nullable: true }) dedupeKey: string | null;
  @Column({ type: 'jsonb' }) context: Record<string, unknown>;
  @Column({ name: 'summary_counts', type: 'jsonb' }) summaryCounts: SummaryCounts & Record<string, number>;
  @Column({ type: 'jsonb' }) failures: RunFailure[];
  @Column({ type: 'jsonb', nullable: true }) result: Record<string, unknown> | null;
  @Column('int') attempt: number;
  @Column({ name: 'max_attempts', type: 'int' }) maxAttempts: number;
  @Column({ name: 'cancel_requested_at', type: 'timestamptz', nullable: true }) cancelRequestedAt: Date | null;
  @Column({ name: 'cancel_requested_by', type: 'text', nullable: true }) cancelRequestedBy: string | null;
  @Column({ name: 'heartbeat_at', type: 'timestamptz', nullable: true }) heartbeatAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'queued_at', type: 'timestamptz' }) queuedAt: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @Column('int') version: number;
}

/** Rows from hand-written SQL (conditional updates with RETURNING *) into the entity shape. */
export function operationRunFromRow(row: Record<string, any>): OperationRun {
  return Object.assign(new OperationRun(), {
    id: row.id,
    tenantId: row.tenant_id,
    type: row.type,
    status: row.status,
    outcome: row.outcome,
    initiatorUserId: row.initiator_user_id,
    dedupeKey: row.dedupe_key,
    context: row.context,
    summaryCounts: row.summary_counts,
    failures: row.failures,
    result: row.result,
    attempt: row.attempt,
    maxAttempts: row.max_attempts,
    cancelRequestedAt: row.cancel_requested_at,
    cancelRequestedBy: row.cancel_requested_by,
    heartbeatAt: row.heartbeat_at,
    createdAt: row.created_at,
    queuedAt: row.queued_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    version: row.version,
  });
}
