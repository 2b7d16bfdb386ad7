import type { GraphCallStats } from '../../../infrastructure/graph';

export interface InventorySyncContext {
  /** Limit the pass to these type keys (default: every contract type). */
  types?: string[];
}

/** What an `inventory.sync` run stores as its result: the outcome per type and the Graph call statistics. */
export interface InventorySyncResult {
  types: Record<
    string,
    { status: 'synced' | 'skipped' | 'failed'; seen: number; added: number; missing: number; reason: string | null }
  >;
  graph: ReturnType<GraphCallStats['toJSON']>;
}

declare module '../../../infrastructure/runs' {
  interface RunTypeMap {
    'inventory.sync': { context: InventorySyncContext; result: InventorySyncResult };
  }
}
