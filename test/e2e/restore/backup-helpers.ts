import { waitForRun, type Scenario } from '../../support/scenario';

/** Backs up a whole tenant through the API (backup.create) and returns the backup id. */
export async function backupOf(scenario: Scenario, tenantId: string): Promise<string> {
  const started = await scenario.call(`mutation($t: ID!) { startBackup(tenantId: $t) { id } }`, { t: tenantId });
  if (started.errors) throw new Error(JSON.stringify(started.errors));
  const run = await waitForRun(scenario, started.data!.startBackup.id, 180_000);
  if (run.outcome !== 'SUCCEEDED') throw new Error(`backup ${JSON.stringify(run)}`);
  const res = await scenario.call(`query($id: ID!) { operationRun(id: $id) { result } }`, { id: run.id });
  return (res.data!.operationRun.result as { backupId: string }).backupId;
}

export interface BackupItemRow {
  id: string;
  typeKey: string;
  displayName: string;
  payloadHash: string;
}

export async function backupItems(scenario: Scenario, backupId: string): Promise<BackupItemRow[]> {
  const out: BackupItemRow[] = [];
  let after: string | null = null;
  for (;;) {
    const res: { data?: Record<string, any> | null; errors?: unknown } = await scenario.call(
      `query($b: ID!, $after: String) { backupItems(backupId: $b, first: 100, after: $after) {
        edges { node { id typeKey displayName payloadHash } } pageInfo { hasNextPage endCursor } } }`,
      { b: backupId, after },
    );
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    const page: {
      edges: Array<{ node: BackupItemRow }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    } = res.data!.backupItems;
    out.push(...page.edges.map((e: { node: BackupItemRow }) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}
