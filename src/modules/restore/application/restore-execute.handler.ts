import { Inject, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxEvent } from '../../../infrastructure/events';
import {
  GRAPH_CONTRACTS,
  GRAPH_SETTINGS,
  GraphCallStats,
  GraphClientFactory,
  GraphError,
  isGraphTypeKey,
  type GraphClient,
  type GraphContract,
  type GraphSettings,
} from '../../../infrastructure/graph';
import {
  OperationRunOutcome,
  RunHandler,
  runFailureOf,
  type OperationRunHandler,
  type RunFailureCode,
  type RunAttemptContext,
  type RunHandlerResult,
} from '../../../infrastructure/runs';
import { safeErrorMessage } from '../../../shared/redact';
import { AuditFacade } from '../../audit';
import { TenantsFacade } from '../../tenants';
import pMap from 'p-map';
import { dependencyRank } from '../domain/dependency-order';
import { mappingKey } from '../domain/mapping';
import { fingerprintOf } from '../domain/matching';
import { RestoreLedgerEntry } from '../domain/restore-ledger-entry.entity';
import { RestoreMapping } from '../domain/restore-mapping.entity';
import type { MappingKind, RestoreItemStatus, SourceItem, TargetObject } from '../domain/restore-model';
import { RestorePlanItem } from '../domain/restore-plan-item.entity';
import { RestorePlan } from '../domain/restore-plan.entity';
import { RestoreResult } from '../domain/restore-result.entity';
import { RESTORE_BACKUP_SOURCE, type RestoreBackupSource } from './backup-source';
import { ItemWriter } from './item-writer';
import type { RestoreCompleted } from './restore.events';
import type { RestoreExecuteResult } from './restore.run-types';
import { TYPE_OF_KIND } from './restore-preview.handler';
import { listTargetObjects, readCurrent } from './target-reader';

/** Items written at once within one dependency rank. */
const ITEM_CONCURRENCY = 4;

/** Consecutive items (in plan order) of the same dependency rank. */
function rankGroups(items: RestorePlanItem[]): RestorePlanItem[][] {
  const groups: RestorePlanItem[][] = [];
  let rank: number | null = null;
  for (const item of items) {
    const r = dependencyRank(item);
    if (r !== rank) groups.push([]);
    rank = r;
    groups[groups.length - 1].push(item);
  }
  return groups;
}

interface Outcome {
  status: RestoreItemStatus;
  targetId: string | null;
  created: boolean;
  message: string | null;
  /** The catalogued run failure code of a failed item. */
  code?: RunFailureCode;
}

/** A mapping without a target id whose object this run had to create first and could not. */
class UnresolvedMappingError extends Error {}

/**
 * `restore.execute`: applies a confirmed plan item by item in dependency order. Before each write it re-reads the
 * target (changed since preview → `conflict`, nothing written); right after a create it records the ID ledger, so a
 * retried attempt (kill -9, reaper) or a re-run finds the object instead of creating a second one. Each item's result
 * and its audit entry commit together. Cancel stops between items.
 */
@RunHandler({
  type: 'restore.execute',
  title: 'Restore: execute a confirmed plan',
  requiresTenant: true,
  dedupe: ({ context }) => context.planId,
  lock: 'tenant',
  timeoutMs: 120 * 60_000,
  // One Graph write can wait out a whole throttle window (20 s) and its retries.
  heartbeatTimeoutFactor: 2,
  maxAttempts: 3,
})
export class RestoreExecuteHandler implements OperationRunHandler<'restore.execute'> {
  private readonly logger = new Logger(RestoreExecuteHandler.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tenants: TenantsFacade,
    private readonly graph: GraphClientFactory,
    private readonly audit: AuditFacade,
    @Inject(GRAPH_SETTINGS) private readonly settings: GraphSettings,
    @Optional() @Inject(RESTORE_BACKUP_SOURCE) private readonly backups?: RestoreBackupSource,
  ) {}

  async execute(run: RunAttemptContext<'restore.execute'>): Promise<RunHandlerResult<RestoreExecuteResult>> {
    if (!this.backups) throw new Error('Backups are not available in this build');
    const plan = await this.db.getRepository(RestorePlan).findOneByOrFail({ id: run.context.planId });
    const items = await this.db
      .getRepository(RestorePlanItem)
      .find({ where: { planId: plan.id }, order: { seq: 'ASC' } });
    const mappings = await this.db.getRepository(RestoreMapping).findBy({ planId: plan.id });
    const done = new Set(
      (await this.db.getRepository(RestoreResult).findBy({ planId: plan.id })).map((r) => r.planItemId),
    );
    const pending = items.filter((i) => !done.has(i.id));

    const sources = new Map<string, SourceItem>();
    const wanted = pending.filter((i) => i.action === 'create' || i.action === 'update').map((i) => i.backupItemId);
    if (wanted.length)
      for await (const s of this.backups.itemsOf(plan.backupId, { itemIds: wanted })) sources.set(s.id, s);

    const connection = await this.tenants.connectionFor(plan.targetTenantId);
    if (!connection) throw new Error('The target tenant no longer exists or is archived');
    const stats = new GraphCallStats();
    // No abort signal: a cancel must not cut a write in half (a create that reached Graph without its ledger row).
    // Cancel is checked between items; each request still has the client's timeout.
    const client = this.graph.forConnection(connection, { stats });
    const writer = new ItemWriter(client, this.settings);
    const resolver = new MappingResolver(this.db, plan, mappings);
    // Names of live objects per type as this attempt starts: a create that finds its name here was either made by
    // an interrupted attempt (resume: adopt it) or by someone else since preview (conflict).
    const liveByType = new Map<string, Promise<TargetObject[]>>();
    const counts = await this.countResults(plan.id);
    const progress = () =>
      run.reportProgress({
        total: items.length,
        processed: Object.values(counts).reduce((a, b) => a + b, 0),
        succeeded: counts.succeeded,
        failed: counts.failed,
        skipped: counts.skipped + counts.blocked,
        conflict: counts.conflict,
        blocked: counts.blocked,
        throttled429: stats.throttled429,
        graphWrites: stats.writes,
      });
    progress();

    let created = 0;
    const applyOne = async (item: RestorePlanItem, maybeInterrupted: boolean) => {
      run.throwIfCancelled();
      const outcome = await this.applyItem(run, plan, item, {
        source: sources.get(item.backupItemId) ?? null,
        client,
        writer,
        resolver,
        liveByType,
        maybeInterrupted,
      });
      if (outcome.created) created += 1;
      await this.record(run, plan, item, outcome);
      counts[outcome.status] += 1;
      if (outcome.status === 'failed')
        run.addFailure({
          item: `${item.typeKey}:${item.displayName}`,
          code: outcome.code ?? 'unexpected_error',
          error: outcome.message,
        });
      progress();
    };
    // Items of one dependency rank do not reference each other: a few at a time keep the write budget busy while
    // one waits on Graph or the database. Ranks run one after another, so what others reference exists first.
    let position = 0;
    for (const group of rankGroups(pending)) {
      let firstError: unknown;
      await pMap(
        group,
        async (item, i) => {
          if (firstError !== undefined) return;
          // In a retried attempt the first items without a result may have been half-written by the dead one.
          const maybeInterrupted = run.attempt > 1 && position + i < ITEM_CONCURRENCY;
          try {
            await applyOne(item, maybeInterrupted);
          } catch (error) {
            firstError ??= error;
          }
        },
        { concurrency: ITEM_CONCURRENCY, stopOnError: false },
      );
      if (firstError !== undefined) throw firstError;
      position += group.length;
    }

    await this.db
      .getRepository(RestorePlan)
      .update({ id: plan.id }, { status: 'executed', executedAt: new Date(), updatedAt: new Date() });
    const totalCreated = await this.db.getRepository(RestoreResult).countBy({ planId: plan.id, created: true });
    const completed: RestoreCompleted = {
      planId: plan.id,
      runId: run.runId,
      sourceTenantId: plan.sourceTenantId,
      targetTenantId: plan.targetTenantId,
      counts: { ...counts, created: totalCreated },
      at: new Date(),
    };
    const events: OutboxEvent[] = [{ name: 'restore.completed', payload: completed, aggregateId: plan.id }];
    const bad = counts.failed + counts.conflict + counts.blocked;
    const outcome =
      bad === 0
        ? OperationRunOutcome.Succeeded
        : counts.succeeded + counts.skipped === 0 && counts.failed > 0
          ? OperationRunOutcome.Failed
          : OperationRunOutcome.PartiallySucceeded;
    this.logger.debug(`restore.execute ${run.runId}: ${JSON.stringify(counts)}, created ${created} in this attempt`);
    return {
      outcome,
      summary: {
        total: items.length,
        processed: items.length,
        succeeded: counts.succeeded,
        failed: counts.failed,
        skipped: counts.skipped + counts.blocked,
        conflict: counts.conflict,
        blocked: counts.blocked,
        created: totalCreated,
        throttled429: stats.throttled429,
        graphWrites: stats.writes,
        graphRequests: stats.requests,
      },
      result: { planId: plan.id, counts: { ...counts, created: totalCreated }, graph: stats.toJSON() },
      events,
    };
  }

  private async applyItem(
    run: RunAttemptContext<'restore.execute'>,
    plan: RestorePlan,
    item: RestorePlanItem,
    o: {
      source: SourceItem | null;
      client: GraphClient;
      writer: ItemWriter;
      resolver: MappingResolver;
      liveByType: Map<string, Promise<TargetObject[]>>;
      maybeInterrupted: boolean;
    },
  ): Promise<Outcome> {
    const none = { targetId: item.targetId, created: false };
    if (item.action === 'blocked') return { ...none, status: 'blocked', message: item.reasons.join('; ') };
    if (item.action === 'skip') return { ...none, status: 'skipped', message: item.reasons.join('; ') || null };
    if (!o.source || !isGraphTypeKey(item.typeKey))
      return { ...none, status: 'failed', message: 'the backed-up item is no longer available' };
    const contract = GRAPH_CONTRACTS[item.typeKey];
    try {
      const resolve = await o.resolver.prepare(o.source, run.context.planId);
      if (item.action === 'update') {
        const current = await readCurrent(o.client, contract, item.targetId!);
        if (!current) return { ...none, status: 'conflict', message: 'the target object was deleted since preview' };
        if (fingerprintOf(current) !== item.targetFingerprint && !o.maybeInterrupted)
          return {
            ...none,
            status: 'conflict',
            message: 'the target object changed since preview; nothing was written',
          };
        return await this.write(o.writer, contract, o.source, item.targetId!, false, resolve, plan.includeAssignments);
      }
      // create: the ledger first, then the name, before creating (resume after a crash, a re-run, a race).
      const fromLedger = await this.ledgerTarget(plan, item);
      if (fromLedger && (await readCurrent(o.client, contract, fromLedger)))
        return await this.write(o.writer, contract, o.source, fromLedger, false, resolve, plan.includeAssignments);
      if (!o.liveByType.has(item.typeKey)) o.liveByType.set(item.typeKey, listTargetObjects(o.client, item.typeKey));
      const live = await o.liveByType.get(item.typeKey)!;
      const named = live.filter(
        (t) =>
          t.name === item.displayName &&
          (t.odataType === null || item.odataType === null || t.odataType === item.odataType),
      );
      if (named.length > 0) {
        if (run.attempt > 1 && named.length === 1) {
          await this.recordLedger(plan, item, named[0].id, run);
          return await this.write(o.writer, contract, o.source, named[0].id, false, resolve, plan.includeAssignments);
        }
        return {
          ...none,
          status: 'conflict',
          message: `an object named "${item.displayName}" appeared in the target since preview`,
        };
      }
      const targetId = await o.writer.create(contract, o.source, resolve);
      await this.recordLedger(plan, item, targetId, run);
      live.push({ id: targetId, name: item.displayName, odataType: item.odataType, fingerprint: '' });
      const written = await this.write(o.writer, contract, o.source, targetId, true, resolve, plan.includeAssignments);
      return { ...written, created: true };
    } catch (error) {
      if (error instanceof GraphError || error instanceof UnresolvedMappingError)
        return { ...none, status: 'failed', message: safeErrorMessage(error, 500), code: runFailureOf(error).code };
      throw error;
    }
  }

  private async write(
    writer: ItemWriter,
    contract: GraphContract,
    source: SourceItem,
    targetId: string,
    created: boolean,
    resolve: (kind: MappingKind, id: string) => string,
    includeAssignments: boolean,
  ): Promise<Outcome> {
    try {
      if (!created) await writer.update(contract, source, targetId, resolve);
      await writer.children(contract, source, targetId, created, resolve);
      if (includeAssignments) await writer.assignments(contract, source, targetId, created, resolve);
      return { status: 'succeeded', targetId, created: false, message: null };
    } catch (error) {
      if (error instanceof GraphError || error instanceof UnresolvedMappingError)
        return {
          status: 'failed',
          targetId,
          created: false,
          message: safeErrorMessage(error, 500),
          code: runFailureOf(error).code,
        };
      throw error;
    }
  }

  private async ledgerTarget(plan: RestorePlan, item: RestorePlanItem): Promise<string | null> {
    const row = await this.db.getRepository(RestoreLedgerEntry).findOneBy({
      sourceTenantId: plan.sourceTenantId,
      typeKey: item.typeKey,
      sourceId: item.sourceId,
      targetTenantId: plan.targetTenantId,
    });
    return row?.targetId ?? null;
  }

  /** Right after the create returns: the ledger row and the audit entry of the create commit together. */
  private async recordLedger(
    plan: RestorePlan,
    item: RestorePlanItem,
    targetId: string,
    run: RunAttemptContext<'restore.execute'>,
  ): Promise<void> {
    await this.db.transaction(async (m) => {
      await m
        .createQueryBuilder()
        .insert()
        .into(RestoreLedgerEntry)
        .values({
          sourceTenantId: plan.sourceTenantId,
          typeKey: item.typeKey,
          sourceId: item.sourceId,
          targetTenantId: plan.targetTenantId,
          targetId,
          planId: plan.id,
        })
        .orUpdate(['target_id', 'plan_id', 'at'], ['source_tenant_id', 'type_key', 'source_id', 'target_tenant_id'])
        .execute();
      await this.audit.record(
        {
          actor: { id: run.initiatorUserId ?? 'system' },
          tenantId: plan.targetTenantId,
          action: 'restore.object.created',
          target: { type: item.typeKey, id: targetId },
          metadata: { planId: plan.id, planItemId: item.id, runId: run.runId, sourceId: item.sourceId },
        },
        m,
      );
    });
  }

  /** The item's result and its audit entry, in one transaction (a retried attempt skips items that have one). */
  private async record(
    run: RunAttemptContext<'restore.execute'>,
    plan: RestorePlan,
    item: RestorePlanItem,
    o: Outcome,
  ): Promise<void> {
    await this.db.transaction(async (m: EntityManager) => {
      await m.insert(RestoreResult, {
        runId: run.runId,
        planId: plan.id,
        planItemId: item.id,
        seq: item.seq,
        status: o.status,
        targetId: o.targetId,
        created: o.created,
        message: o.message,
      });
      await this.audit.record(
        {
          actor: { id: run.initiatorUserId ?? 'system' },
          tenantId: plan.targetTenantId,
          action: 'restore.item',
          target: { type: item.typeKey, id: o.targetId },
          metadata: { planId: plan.id, planItemId: item.id, runId: run.runId, action: item.action, result: o.status },
        },
        m,
      );
    });
  }

  private async countResults(planId: string): Promise<Record<RestoreItemStatus, number>> {
    const counts: Record<RestoreItemStatus, number> = { succeeded: 0, failed: 0, skipped: 0, conflict: 0, blocked: 0 };
    for (const r of await this.db.getRepository(RestoreResult).findBy({ planId })) counts[r.status] += 1;
    return counts;
  }
}

/** Source id → target id at execution: the plan's mappings, and for objects the plan created, the ledger. */
class MappingResolver {
  private readonly byKey: Map<string, RestoreMapping>;
  private readonly created = new Map<string, string>();

  constructor(
    private readonly db: DataSource,
    private readonly plan: RestorePlan,
    mappings: RestoreMapping[],
  ) {
    this.byKey = new Map(mappings.map((m) => [mappingKey(m.kind, m.sourceId), m]));
  }

  /** Loads the ledger ids of planned mappings this item needs, then resolves synchronously. */
  async prepare(_source: SourceItem, _planId: string): Promise<(kind: MappingKind, id: string) => string> {
    for (const m of this.byKey.values()) {
      if (m.targetId || m.foundBy !== 'planned' || m.kind === 'group') continue;
      const key = mappingKey(m.kind, m.sourceId);
      if (this.created.has(key)) continue;
      const row = await this.db.getRepository(RestoreLedgerEntry).findOneBy({
        sourceTenantId: this.plan.sourceTenantId,
        typeKey: TYPE_OF_KIND[m.kind],
        sourceId: m.sourceId,
        targetTenantId: this.plan.targetTenantId,
      });
      if (row) this.created.set(key, row.targetId);
    }
    return (kind, id) => {
      const key = mappingKey(kind, id);
      const m = this.byKey.get(key);
      const target = m?.targetId ?? this.created.get(key);
      if (!target)
        throw new UnresolvedMappingError(
          `no target for ${kind} ${id}: ${m?.foundBy === 'planned' ? 'its restore did not succeed' : 'unmapped'}`,
        );
      return target;
    };
  }
}
