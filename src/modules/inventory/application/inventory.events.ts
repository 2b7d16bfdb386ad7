/** Emitted (in-process) after every inventory.sync run that synced at least one type. */
export interface InventorySynced {
  tenantId: string;
  runId: string;
  types: Array<{
    typeKey: string;
    status: 'synced' | 'skipped' | 'failed';
    seen: number;
    added: number;
    missing: number;
  }>;
  at: Date;
}

declare module '../../../infrastructure/events/event-map' {
  interface EventMap {
    'inventory.synced': InventorySynced;
  }
}
