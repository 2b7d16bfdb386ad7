import { Logger } from '@nestjs/common';
import {
  GRAPH_CONTRACTS,
  GraphCallStats,
  GraphClientFactory,
  deriveCapabilities,
  isGraphTypeKey,
} from '../../../infrastructure/graph';
import {
  OperationRunOutcome,
  RunHandler,
  type OperationRunHandler,
  type RunAttemptContext,
  type RunHandlerResult,
} from '../../../infrastructure/runs';
import { safeErrorMessage } from '../../../shared/redact';
import { TenantsFacade } from '../../tenants';
import { canonicalAssignments, canonicalPayload, contentHash } from '../domain/canonical-form';
import { diffPolicies } from '../domain/policy-diff';
import { settingDefinitionIds } from '../domain/setting-definition-ids';
import type { BackupCompareLiveResult } from './backup-compare-live.run-types';
import { BackupDiffService } from './backup-diff.service';
import { readObjectSnapshot } from './graph-snapshot-reader';
import { SettingDefinitionLabels } from './setting-definition-labels';

/** Rows a compare-to-live result keeps (a run result is a row in PostgreSQL, not a report store). */
const MAX_ROWS = 500;

/**
 * `backup.compare-live`: reads one backed-up object from Graph now, exactly as a backup reads it, and diffs the backup
 * (left) against it (right). Reads only: nothing is written to the tenant or to the backup.
 */
@RunHandler({
  type: 'backup.compare-live',
  title: 'Compare backup to live',
  requiresTenant: true,
  dedupe: ({ context }) => `item:${context.backupItemId}`,
  timeoutMs: 5 * 60_000,
  maxAttempts: 2,
})
export class BackupCompareLiveHandler implements OperationRunHandler<'backup.compare-live'> {
  private readonly logger = new Logger(BackupCompareLiveHandler.name);

  constructor(
    private readonly tenants: TenantsFacade,
    private readonly graph: GraphClientFactory,
    private readonly diffs: BackupDiffService,
    private readonly labels: SettingDefinitionLabels,
  ) {}

  async execute(run: RunAttemptContext<'backup.compare-live'>): Promise<RunHandlerResult<BackupCompareLiveResult>> {
    const [item] = await this.diffs.loadItems([run.context.backupItemId]);
    if (!item || item.tenantId !== run.tenantId) throw new Error('The backup item no longer exists');
    if (!isGraphTypeKey(item.typeKey)) throw new Error(`Objects of type ${item.typeKey} cannot be read from Graph`);
    const contract = GRAPH_CONTRACTS[item.typeKey];
    const connection = await this.tenants.connectionFor(item.tenantId);
    if (!connection) throw new Error('The tenant no longer exists or is archived');
    const stats = new GraphCallStats();
    const client = this.graph.forConnection(connection, { stats, signal: run.signal });
    const { roles } = await this.graph.acquireAppToken(connection);
    if (!deriveCapabilities(roles).types[item.typeKey]?.canRead)
      throw new Error(`missing Graph permission: one of ${contract.permissions.read.join(', ')}`);

    let readFailure: string | null = null;
    const live = await readObjectSnapshot(client, contract, item.sourceId, {
      signal: run.signal,
      onItemFailure: (f) => (readFailure = `${f.code}: ${f.message}`),
    });
    if (readFailure) throw new Error(`Reading the object from Graph failed: ${readFailure}`);
    run.throwIfCancelled();

    const base = { backupItemId: item.itemId, typeKey: item.typeKey, sourceId: item.sourceId };
    if (!live) {
      return {
        outcome: OperationRunOutcome.Succeeded,
        summary: { total: 1, processed: 1, succeeded: 1, changes: 1 },
        result: {
          ...base,
          displayName: item.displayName,
          found: false,
          payloadChanged: true,
          assignmentsChanged: true,
          rows: [],
          truncated: false,
          graph: stats.toJSON(),
        },
      };
    }
    // Labels of settings the backup never saw (added since) are fetched now; a failure only costs the label.
    try {
      await this.labels.remember(client, settingDefinitionIds(live.payload));
    } catch (error) {
      this.logger.debug(`backup.compare-live ${run.runId}: labels not fetched: ${safeErrorMessage(error, 200)}`);
    }
    const liveSide = { tenantId: item.tenantId, payload: live.payload, assignments: live.assignments };
    const lookups = await this.diffs.lookupsFor([[item, liveSide]]);
    const rows = diffPolicies(item.typeKey, item, liveSide, lookups);
    return {
      outcome: OperationRunOutcome.Succeeded,
      summary: { total: 1, processed: 1, succeeded: 1, changes: rows.length },
      result: {
        ...base,
        displayName: live.displayName,
        found: true,
        payloadChanged: contentHash(canonicalPayload(item.typeKey, live.payload)) !== item.payloadHash,
        assignmentsChanged: contentHash(canonicalAssignments(live.assignments)) !== item.assignmentsHash,
        rows: rows.slice(0, MAX_ROWS),
        truncated: rows.length > MAX_ROWS,
        graph: stats.toJSON(),
      },
    };
  }
}
