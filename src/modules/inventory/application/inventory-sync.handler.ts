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
import { safeErrorMessage } from '../../../shared/redact';
import {
  OperationRunOutcome,
  RunHandler,
  type OperationRunHandler,
  type RunAttemptContext,
  type RunHandlerResult,
} from '../../../infrastructure/runs';
import { TenantsFacade } from '../../tenants';
import { toObservedItem } from '../domain/inventory-item.mapper';
import type { InventorySynced } from './inventory.events';
import type { InventorySyncResult } from './inventory.run-types';
import { InventoryWriter } from './inventory-writer';

type TypeOutcome = InventorySynced['types'][number] & { reason?: string };

/** Types walked at once: enough to keep the throttle budget busy while one type waits on a slow page. */
const TYPE_CONCURRENCY = 3;

/**
 * `inventory.sync`: walks every readable contract type of one tenant page by page (never a whole collection in
 * memory), upserting "last observed" rows; a complete pass of a type marks what it did not see as missing.
 */
@RunHandler({
  type: 'inventory.sync',
  title: 'Inventory sync',
  requiresTenant: true,
  dedupe: 'tenant',
  lock: 'tenant+type',
  timeoutMs: 30 * 60_000,
  // Page upserts of big types can hold the event loop; twice the heartbeat timeout (60 s at the default).
  heartbeatTimeoutFactor: 2,
  maxAttempts: 2,
})
export class InventorySyncHandler implements OperationRunHandler<'inventory.sync'> {
  private readonly logger = new Logger(InventorySyncHandler.name);

  constructor(
    private readonly tenants: TenantsFacade,
    private readonly graph: GraphClientFactory,
    private readonly writer: InventoryWriter,
    private readonly config: AppConfig,
  ) {}

  async execute(run: RunAttemptContext<'inventory.sync'>): Promise<RunHandlerResult<InventorySyncResult>> {
    const tenantId = run.tenantId!;
    const typeKeys = (run.context.types?.length ? run.context.types : GRAPH_TYPE_KEYS).filter(isGraphTypeKey);
    const connection = await this.tenants.connectionFor(tenantId);
    if (!connection) {
      run.addFailure({ code: 'tenant_unavailable', error: 'The tenant no longer exists or is archived' });
      return { outcome: OperationRunOutcome.Failed };
    }
    const stats = new GraphCallStats();
    const client = this.graph.forConnection(connection, { stats, signal: run.signal });
    // Capabilities from the token the run actually holds: permissions may have changed since the last verify.
    const { roles } = await this.graph.acquireAppToken(connection);
    const capabilities = deriveCapabilities(roles);

    const outcomes: TypeOutcome[] = [];
    const totals = { seen: 0, added: 0, missing: 0 };
    const counts = () => ({
      total: typeKeys.length,
      processed: outcomes.length,
      succeeded: outcomes.filter((o) => o.status === 'synced').length,
      failed: outcomes.filter((o) => o.status === 'failed').length,
      skipped: outcomes.filter((o) => o.status === 'skipped').length,
      objectsSeen: totals.seen,
      objectsAdded: totals.added,
      objectsMissing: totals.missing,
      throttled429: stats.throttled429,
      graphRequests: stats.requests,
    });
    const progress = () => run.reportProgress(counts());

    // The first unexpected error (e.g. the database) stops the other types, and every type in flight settles before
    // the run ends (stopOnError: false): none may write, or mark rows missing, after the lock goes to the next run.
    let firstError: unknown;
    const stopped = () => firstError !== undefined;
    await pMap(
      typeKeys,
      async (typeKey) => {
        if (stopped()) return;
        try {
          run.throwIfCancelled();
          const outcome = capabilities.types[typeKey]?.canRead
            ? await this.syncType(run, client, typeKey, totals, progress, stopped)
            : await this.skipType(
                run,
                tenantId,
                typeKey,
                `missing Graph permission: one of ${GRAPH_CONTRACTS[typeKey].permissions.read.join(', ')}`,
              );
          outcomes.push(outcome);
          progress();
        } catch (error) {
          firstError ??= error;
        }
      },
      { concurrency: TYPE_CONCURRENCY, stopOnError: false },
    );
    if (stopped()) throw firstError;
    run.throwIfCancelled();

    const synced = outcomes.filter((o) => o.status === 'synced');
    const types = outcomes.map(({ reason: _reason, ...o }) => o);
    const events: OutboxEvent[] = synced.length
      ? [
          {
            name: 'inventory.synced',
            payload: { tenantId, runId: run.runId, types, at: new Date() },
            aggregateId: tenantId,
          },
        ]
      : [];
    const outcome =
      synced.length === outcomes.length
        ? OperationRunOutcome.Succeeded
        : synced.length === 0 && outcomes.some((o) => o.status === 'failed')
          ? OperationRunOutcome.Failed
          : OperationRunOutcome.PartiallySucceeded;
    return {
      outcome,
      summary: { ...counts(), graphWaitedMs: Math.round(stats.waitedMs + stats.budgetWaitedMs) },
      result: {
        types: Object.fromEntries(
          outcomes.map((o) => [
            o.typeKey,
            { status: o.status, seen: o.seen, added: o.added, missing: o.missing, reason: o.reason ?? null },
          ]),
        ),
        graph: stats.toJSON(),
      },
      events,
    };
  }

  private async syncType(
    run: RunAttemptContext<'inventory.sync'>,
    client: GraphClient,
    typeKey: GraphTypeKey,
    totals: { seen: number; added: number; missing: number },
    progress: () => void,
    stopped: () => boolean,
  ): Promise<TypeOutcome> {
    const tenantId = run.tenantId!;
    const contract = GRAPH_CONTRACTS[typeKey];
    let seen = 0;
    let added = 0;
    try {
      for await (const page of client.list(contract, {
        select: contract.listSelect,
        top: this.config.env.INVENTORY_PAGE_SIZE,
      })) {
        run.throwIfCancelled();
        if (stopped()) throw new Error('stopped: another type of this run failed');
        const items = page.items.map((object) => toObservedItem(contract, object)).filter((i) => i !== null);
        const inserted = await this.writer.upsert(tenantId, typeKey, run.runId, items);
        seen += items.length;
        added += inserted;
        totals.seen += items.length;
        totals.added += inserted;
        progress();
      }
      const missing = await this.writer.markMissing(tenantId, typeKey, run.runId);
      totals.missing += missing;
      await this.writer.recordTypeState(tenantId, typeKey, run.runId, 'synced', null);
      return { typeKey, status: 'synced', seen, added, missing };
    } catch (error) {
      if (run.signal.aborted || stopped()) throw error;
      const reason = safeErrorMessage(error, 500);
      this.logger.warn(`inventory.sync ${run.runId}: ${typeKey} failed: ${reason}`);
      run.addFailure({ item: typeKey, error });
      await this.writer.recordTypeState(tenantId, typeKey, run.runId, 'failed', reason);
      return { typeKey, status: 'failed', seen, added, missing: 0, reason };
    }
  }

  private async skipType(
    run: RunAttemptContext<'inventory.sync'>,
    tenantId: string,
    typeKey: GraphTypeKey,
    reason: string,
  ): Promise<TypeOutcome> {
    run.addFailure({ item: typeKey, code: 'permission_missing', error: reason });
    await this.writer.recordTypeState(tenantId, typeKey, run.runId, 'skipped', reason);
    return { typeKey, status: 'skipped', seen: 0, added: 0, missing: 0, reason };
  }
}
