import { Logger } from '@nestjs/common';
import pMap from 'p-map';
import { AppConfig } from '../../../infrastructure/config/app-config';
import type { OutboxEvent } from '../../../infrastructure/events';
import {
  GRAPH_CONTRACTS,
  GRAPH_TYPE_KEYS,
  GraphCallStats,
  GraphClientFactory,
  deriveCapabilities,
  isGraphTypeKey,
  type GraphClient,
  type GraphTypeKey,
} from '../../../infrastructure/graph';
import {
  OperationRunOutcome,
  RunHandler,
  runFailureCodeForStatus,
  runFailureOf,
  type OperationRunHandler,
  type RunAttemptContext,
  type RunHandlerResult,
} from '../../../infrastructure/runs';
import { safeErrorMessage } from '../../../shared/redact';
import { TenantsFacade } from '../../tenants';
import { settingDefinitionIds } from '../domain/setting-definition-ids';
import { BackupRecorder } from './backup-recorder';
import type { SnapshotInput } from './backup-views';
import type { BackupCompleted } from './backups.events';
import type { BackupCreateResult, BackupTypeStatus } from './backups.run-types';
import { readTypeSnapshots, snapshotBytes } from './graph-snapshot-reader';
import { SettingDefinitionLabels } from './setting-definition-labels';
import { SnapshotChannel } from './snapshot-channel';

/** Types read at once: enough to keep the throttle budget busy while one type waits on a slow page. */
const TYPE_CONCURRENCY = 3;
/**
 * Read ahead of the writer at most (flat memory whatever the tenant size): 50 objects, or 1 MB of JSON — about 10
 * settings-catalog policies with a hundred settings each, which take several times that once parsed.
 */
const CHANNEL_MAX_ITEMS = 50;
const CHANNEL_MAX_BYTES = 1024 * 1024;

interface TypeState {
  status: BackupTypeStatus | 'running';
  objects: number;
  failedObjects: number;
  reason: string | null;
}

/**
 * `backup.create`: reads the full payload and assignments of every readable contract type (unreadable types are
 * skipped with the reason) and records them as one immutable backup through the single writer. An object that still
 * fails after the Graph client's retries is a per-item failure (the run ends partially_succeeded), not a failed run.
 */
@RunHandler({
  type: 'backup.create',
  title: 'Backup',
  requiresTenant: true,
  dedupe: 'tenant',
  lock: 'tenant',
  timeoutMs: 60 * 60_000,
  // Batches of big payloads are hashed and written on the event loop; twice the heartbeat timeout.
  heartbeatTimeoutFactor: 2,
  maxAttempts: 2,
})
export class BackupCreateHandler implements OperationRunHandler<'backup.create'> {
  private readonly logger = new Logger(BackupCreateHandler.name);

  constructor(
    private readonly tenants: TenantsFacade,
    private readonly graph: GraphClientFactory,
    private readonly recorder: BackupRecorder,
    private readonly config: AppConfig,
    private readonly labels: SettingDefinitionLabels,
  ) {}

  async execute(run: RunAttemptContext<'backup.create'>): Promise<RunHandlerResult<BackupCreateResult>> {
    const tenantId = run.tenantId!;
    const typeKeys = (run.context.types?.length ? run.context.types : GRAPH_TYPE_KEYS).filter(isGraphTypeKey);
    const itemIds = run.context.itemIds?.length ? new Set(run.context.itemIds) : null;
    const connection = await this.tenants.connectionFor(tenantId);
    if (!connection) throw new Error('The tenant no longer exists or is archived');
    await this.recorder.discardUnfinished(run.runId);
    const stats = new GraphCallStats();
    const client = this.graph.forConnection(connection, { stats, signal: run.signal });
    // Capabilities from the token the run actually holds: permissions may have changed since the last verify.
    const { roles } = await this.graph.acquireAppToken(connection);
    const capabilities = deriveCapabilities(roles);

    const types = new Map<GraphTypeKey, TypeState>(
      typeKeys.map((k) => [k, { status: 'running', objects: 0, failedObjects: 0, reason: null }]),
    );
    let written = 0;
    const counts = () => {
      const all = [...types.values()];
      const perType = Object.fromEntries([...types].map(([k, t]) => [`objects.${k}`, t.objects]));
      return {
        total: typeKeys.length,
        processed: all.filter((t) => t.status !== 'running').length,
        succeeded: all.filter((t) => t.status === 'backedUp').length,
        failed: all.filter((t) => t.status === 'failed').length,
        skipped: all.filter((t) => t.status === 'skipped').length,
        objectsRead: all.reduce((n, t) => n + t.objects, 0),
        objectsFailed: all.reduce((n, t) => n + t.failedObjects, 0),
        objectsWritten: written,
        throttled429: stats.throttled429,
        graphRequests: stats.requests,
        ...perType,
      };
    };
    const progress = () => run.reportProgress(counts());

    const channel = new SnapshotChannel<SnapshotInput>({
      maxItems: CHANNEL_MAX_ITEMS,
      maxBytes: CHANNEL_MAX_BYTES,
      weigh: snapshotBytes,
    });
    // Setting definitions the backup saw, for diff labels (a few thousand ids at most: Microsoft's catalog).
    const definitionIds = new Set<string>();
    const readAll = async () => {
      await pMap(
        typeKeys,
        async (typeKey) => {
          const state = types.get(typeKey)!;
          if (!capabilities.types[typeKey]?.canRead) {
            state.status = 'skipped';
            state.reason = `missing Graph permission: one of ${GRAPH_CONTRACTS[typeKey].permissions.read.join(', ')}`;
            run.addFailure({ item: typeKey, code: 'permission_missing', error: state.reason });
            progress();
            return;
          }
          try {
            for await (const snapshot of readTypeSnapshots(client, GRAPH_CONTRACTS[typeKey], {
              pageSize: this.config.env.INVENTORY_PAGE_SIZE,
              itemIds,
              signal: run.signal,
              onItemFailure: (f) => {
                state.failedObjects++;
                run.addFailure({
                  item: `${typeKey}/${f.sourceId}`,
                  code: runFailureCodeForStatus(f.status),
                  error: `${f.message} (${f.code})`,
                });
              },
            })) {
              settingDefinitionIds(snapshot.payload, definitionIds);
              await channel.push(snapshot);
              state.objects++;
              progress();
            }
            state.status = 'backedUp';
          } catch (error) {
            if (run.signal.aborted) throw error;
            // The channel refuses pushes once the writer stopped: that error is the writer's, reported by it.
            if (error instanceof Error && error.message === 'the backup writer stopped') throw error;
            state.status = 'failed';
            state.reason = safeErrorMessage(error, 500);
            this.logger.warn(`backup.create ${run.runId}: ${typeKey} failed: ${state.reason}`);
            const failure = runFailureOf(error);
            run.addFailure({ item: typeKey, code: failure.code, error: failure.message });
          }
          progress();
        },
        { concurrency: TYPE_CONCURRENCY, stopOnError: true },
      );
    };
    const reading = readAll().then(
      () => channel.close(),
      (error: unknown) => channel.fail(error),
    );
    let recorded;
    try {
      recorded = await this.recorder.record({ tenantId, source: 'graph', runId: run.runId }, channel, {
        onProgress: (n) => {
          written = n;
          progress();
        },
      });
    } finally {
      // Readers end at their next hand-over once the writer stopped; none may run on after the lock is released.
      await reading;
    }
    run.throwIfCancelled();
    // Label lookups are not backup reads: their own client and statistics, so `result.graph` counts the backup alone.
    const labelStats = new GraphCallStats();
    await this.rememberLabels(
      run.runId,
      this.graph.forConnection(connection, { stats: labelStats, signal: run.signal }),
      definitionIds,
    );

    const all = [...types.values()];
    const itemFailures = all.reduce((n, t) => n + t.failedObjects, 0);
    const backedUp = all.filter((t) => t.status === 'backedUp').length;
    const outcome =
      backedUp === all.length && itemFailures === 0
        ? OperationRunOutcome.Succeeded
        : backedUp === 0 && recorded.itemCount === 0 && all.some((t) => t.status === 'failed')
          ? OperationRunOutcome.Failed
          : OperationRunOutcome.PartiallySucceeded;
    const event: BackupCompleted = {
      tenantId,
      backupId: recorded.id,
      runId: run.runId,
      source: 'graph',
      itemCount: recorded.itemCount,
      countsByType: recorded.countsByType,
      newVersions: recorded.newVersions,
      newPayloads: recorded.newPayloads,
      needsSecretReentry: recorded.needsSecretReentryCount,
      at: recorded.completedAt ?? new Date(),
    };
    const events: OutboxEvent[] = [{ name: 'backup.completed', payload: event, aggregateId: tenantId }];
    return {
      outcome,
      summary: {
        ...counts(),
        newPayloads: recorded.newPayloads,
        newVersions: recorded.newVersions,
        graphWaitedMs: Math.round(stats.waitedMs + stats.budgetWaitedMs),
        labelRequests: labelStats.requests,
      },
      result: {
        backupId: recorded.id,
        types: Object.fromEntries(
          [...types].map(([k, t]) => [
            k,
            {
              status: t.status === 'running' ? 'failed' : t.status,
              objects: t.objects,
              failedObjects: t.failedObjects,
              reason: t.reason,
            },
          ]),
        ),
        newPayloads: recorded.newPayloads,
        newVersions: recorded.newVersions,
        needsSecretReentry: recorded.needsSecretReentryCount,
        graph: stats.toJSON(),
      },
      events,
    };
  }

  /** Labels are for display only: a failure to fetch them never fails the backup (the next one retries). */
  private async rememberLabels(runId: string, client: GraphClient, ids: Set<string>): Promise<void> {
    try {
      await this.labels.remember(client, ids);
    } catch (error) {
      this.logger.warn(`backup.create ${runId}: setting labels not fetched: ${safeErrorMessage(error, 300)}`);
    }
  }
}
