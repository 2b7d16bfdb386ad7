import type { GraphCallStats } from '../../../infrastructure/graph';
import type { RestoreMode } from '../domain/restore-model';

export interface RestorePreviewContext {
  backupId: string;
  itemIds?: string[];
  types?: string[];
  mode: RestoreMode;
  includeAssignments: boolean;
}

export interface RestorePreviewResult {
  planId: string;
  counts: Record<string, number>;
}

export interface RestoreExecuteContext {
  planId: string;
}

export interface RestoreExecuteResult {
  planId: string;
  counts: Record<string, number>;
  graph: ReturnType<GraphCallStats['toJSON']>;
}

declare module '../../../infrastructure/runs' {
  interface RunTypeMap {
    'restore.preview': { context: RestorePreviewContext; result: RestorePreviewResult };
    'restore.execute': { context: RestoreExecuteContext; result: RestoreExecuteResult };
  }
}
