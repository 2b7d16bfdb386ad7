import type { GraphCallStats } from '../../../infrastructure/graph';

/** What a `directory.groups.sync` run stores as its result. */
export interface DirectoryGroupsSyncResult {
  seen: number;
  deleted: number;
  graph: ReturnType<GraphCallStats['toJSON']>;
}

declare module '../../../infrastructure/runs' {
  interface RunTypeMap {
    'directory.groups.sync': { context: Record<string, never>; result: DirectoryGroupsSyncResult };
  }
}
