import { GraphCallStats, GraphClientFactory, deriveCapabilities } from '../../../infrastructure/graph';
import {
  OperationRunOutcome,
  RunHandler,
  type RunFailureCode,
  type OperationRunHandler,
  type RunAttemptContext,
  type RunHandlerResult,
} from '../../../infrastructure/runs';
import { TenantsFacade } from '../../tenants';
import { GROUP_SELECT, toObservedGroup } from '../domain/observed-group';
import { DirectoryGroupsWriter } from './directory-groups-writer';
import type { DirectoryGroupsSyncResult } from './directory.run-types';

/** `directory.groups.sync`: caches the tenant's Entra groups so restore group mapping never waits on Graph. */
@RunHandler({
  type: 'directory.groups.sync',
  title: 'Directory groups sync',
  requiresTenant: true,
  dedupe: 'tenant',
  lock: 'tenant+type',
  timeoutMs: 30 * 60_000,
  maxAttempts: 2,
})
export class DirectoryGroupsSyncHandler implements OperationRunHandler<'directory.groups.sync'> {
  constructor(
    private readonly tenants: TenantsFacade,
    private readonly graph: GraphClientFactory,
    private readonly writer: DirectoryGroupsWriter,
  ) {}

  async execute(run: RunAttemptContext<'directory.groups.sync'>): Promise<RunHandlerResult<DirectoryGroupsSyncResult>> {
    const tenantId = run.tenantId!;
    const connection = await this.tenants.connectionFor(tenantId);
    if (!connection) return this.fail(run, 'tenant_unavailable', 'The tenant no longer exists or is archived');
    const { roles } = await this.graph.acquireAppToken(connection);
    if (!deriveCapabilities(roles).canReadGroups)
      return this.fail(
        run,
        'permission_missing',
        'Missing Graph permission to read groups: one of Group.Read.All, GroupMember.Read.All, Directory.Read.All',
      );
    const stats = new GraphCallStats();
    const client = this.graph.forConnection(connection, { stats, signal: run.signal });
    let seen = 0;
    for await (const page of client.list(
      { path: '/groups', version: 'v1.0' },
      { select: [...GROUP_SELECT], top: 999 },
    )) {
      run.throwIfCancelled();
      const groups = page.items.map(toObservedGroup).filter((g) => g !== null);
      await this.writer.upsert(tenantId, run.runId, groups);
      seen += groups.length;
      run.reportProgress({
        total: seen,
        processed: seen,
        succeeded: seen,
        graphRequests: stats.requests,
        throttled429: stats.throttled429,
      });
    }
    const deleted = await this.writer.markDeleted(tenantId, run.runId);
    return {
      summary: {
        total: seen,
        processed: seen,
        succeeded: seen,
        groupsDeleted: deleted,
        graphRequests: stats.requests,
        throttled429: stats.throttled429,
      },
      result: { seen, deleted, graph: stats.toJSON() },
      events: [
        {
          name: 'directory.groups-synced',
          payload: { tenantId, runId: run.runId, seen, deleted, at: new Date() },
          aggregateId: tenantId,
        },
      ],
    };
  }

  private fail(
    run: RunAttemptContext<'directory.groups.sync'>,
    code: RunFailureCode,
    message: string,
  ): RunHandlerResult<DirectoryGroupsSyncResult> {
    run.addFailure({ code, error: message });
    return { outcome: OperationRunOutcome.Failed };
  }
}
