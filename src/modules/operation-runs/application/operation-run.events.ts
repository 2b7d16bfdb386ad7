import type { OperationRunOutcome, OperationRunStatus, RunFailure, SummaryCounts } from '../../../infrastructure/runs';

/** What every run event carries: enough for another module to react without reading the run. */
export interface OperationRunEventBase {
  runId: string;
  tenantId: string | null;
  type: string;
  /** The run type's human title (e.g. 'Inventory sync'). */
  title: string;
  initiatorUserId: string | null;
  attempt: number;
  version: number;
}

export type OperationRunQueued = OperationRunEventBase;
export type OperationRunStarted = OperationRunEventBase;
export interface OperationRunProgressed extends OperationRunEventBase {
  summaryCounts: SummaryCounts & Record<string, number>;
}
export interface OperationRunCompleted extends OperationRunEventBase {
  outcome: OperationRunOutcome;
  summaryCounts: SummaryCounts & Record<string, number>;
}

/** The public state of a run as live views show it (no context, no dedupe key). Travels between processes. */
export interface OperationRunSnapshot {
  id: string;
  type: string;
  status: OperationRunStatus;
  outcome: OperationRunOutcome | null;
  tenantId: string | null;
  initiatorUserId: string | null;
  summaryCounts: SummaryCounts & Record<string, number>;
  failures: RunFailure[];
  result: Record<string, unknown> | null;
  attempt: number;
  cancelRequestedAt: Date | null;
  heartbeatAt: Date | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  version: number;
}

declare module '../../../infrastructure/events/event-map' {
  interface EventMap {
    /** In-process domain events, emitted once where the transition happened. */
    'operation-run.queued': OperationRunQueued;
    'operation-run.started': OperationRunStarted;
    'operation-run.progressed': OperationRunProgressed;
    'operation-run.completed': OperationRunCompleted;
    /** Broadcast to every process: the run's new state (live subscriptions). */
    'operation-run.updated': OperationRunSnapshot;
    /** Broadcast to every process: the worker running it aborts the handler's signal at once. */
    'operation-run.cancel-requested': { runId: string };
  }
}
