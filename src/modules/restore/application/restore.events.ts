/** Announced by a `restore.execute` run when it completes (through the outbox, with the run's completion). */
export interface RestoreCompleted {
  planId: string;
  runId: string;
  sourceTenantId: string;
  targetTenantId: string;
  counts: { succeeded: number; failed: number; skipped: number; conflict: number; blocked: number; created: number };
  at: Date;
}

declare module '../../../infrastructure/events/event-map' {
  interface EventMap {
    'restore.completed': RestoreCompleted;
  }
}
