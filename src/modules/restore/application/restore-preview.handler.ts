import { Inject, Logger, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppConfig } from '../../../infrastructure/config/app-config';
import {
  GRAPH_CONTRACTS,
  GraphCallStats,
  GraphClientFactory,
  deriveCapabilities,
  isGraphTypeKey,
  type GraphClient,
} from '../../../infrastructure/graph';
import {
  OperationRunOutcome,
  RunHandler,
  type OperationRunHandler,
  type RunAttemptContext,
  type RunHandlerResult,
} from '../../../infrastructure/runs';
import { DirectoryFacade } from '../../directory';
import { InventoryFacade } from '../../inventory';
import { TenantsFacade } from '../../tenants';
import { inDependencyOrder } from '../domain/dependency-order';
import { mappingKey, resolveReference, unmappedReasons } from '../domain/mapping';
import { fingerprintOf, matchItem } from '../domain/matching';
import { planHash } from '../domain/plan-hash';
import { preflightReasons, templateIdsOf } from '../domain/preflight';
import { referencesOf, type Reference } from '../domain/references';
import { RestoreLedgerEntry } from '../domain/restore-ledger-entry.entity';
import { RestoreMapping } from '../domain/restore-mapping.entity';
import type { MappingEntry, MappingKind, RestoreAction, SourceItem, TargetObject } from '../domain/restore-model';
import { RestorePlanItem } from '../domain/restore-plan-item.entity';
import { RestorePlan } from '../domain/restore-plan.entity';
import { RESTORE_BACKUP_SOURCE, type RestoreBackupSource } from './backup-source';
import type { RestorePreviewResult } from './restore.run-types';
import { compareUpdate } from './update-comparison';
import { listTargetObjects, readFull, templateStatesOf, toTarget } from './target-reader';

/** The contract type that holds the objects a mapping kind points at (groups live in the directory cache). */
export const TYPE_OF_KIND: Record<Exclude<MappingKind, 'group'>, string> = {
  filter: 'assignmentFilter',
  scopeTag: 'roleScopeTag',
  roleDefinition: 'roleDefinition',
};

interface DraftItem {
  source: SourceItem;
  action: RestoreAction;
  intendedAction: RestoreAction;
  reasons: string[];
  baseReasons: string[];
  target: TargetObject | null;
  matchedBy: RestorePlanItem['matchedBy'];
  refs: Reference[];
  diff: RestorePlanItem['diff'];
  /** Compared after the mappings are known (they change the comparison). */
  live: Record<string, unknown> | null;
}

/**
 * `restore.preview`: reads the backup (backups facade), the target's live objects (GraphClient) and groups (directory
 * cache), and writes a plan: per item create/update/skip/blocked with every reason, the mappings it used, a hash over
 * all of it and an expiry. It never writes to the tenant.
 */
@RunHandler({
  type: 'restore.preview',
  title: 'Restore: preview (plan)',
  requiresTenant: true,
  dedupe: 'none',
  timeoutMs: 15 * 60_000,
  maxAttempts: 2,
})
export class RestorePreviewHandler implements OperationRunHandler<'restore.preview'> {
  private readonly logger = new Logger(RestorePreviewHandler.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tenants: TenantsFacade,
    private readonly graph: GraphClientFactory,
    private readonly directory: DirectoryFacade,
    private readonly inventory: InventoryFacade,
    private readonly config: AppConfig,
    @Optional() @Inject(RESTORE_BACKUP_SOURCE) private readonly backups?: RestoreBackupSource,
  ) {}

  async execute(run: RunAttemptContext<'restore.preview'>): Promise<RunHandlerResult<RestorePreviewResult>> {
    const targetTenantId = run.tenantId!;
    const ctx = run.context;
    if (!this.backups) throw new Error('Backups are not available in this build');
    const backup = await this.backups.findBackup(ctx.backupId);
    if (!backup) throw new Error(`Backup ${ctx.backupId} not found`);
    const sourceTenantId = backup.tenantId;
    const sameTenant = sourceTenantId === targetTenantId;
    const planId = await this.startDraft(run, sourceTenantId);

    const sources: SourceItem[] = [];
    for await (const item of this.backups.itemsOf(ctx.backupId, { itemIds: ctx.itemIds, types: ctx.types }))
      sources.push(item);
    run.reportProgress({ total: sources.length, processed: 0 });

    const connection = await this.tenants.connectionFor(targetTenantId);
    if (!connection) throw new Error('The target tenant no longer exists or is archived');
    const stats = new GraphCallStats();
    const client = this.graph.forConnection(connection, { stats, signal: run.signal });
    const capabilities = deriveCapabilities((await this.graph.acquireAppToken(connection)).roles);

    // Live target objects of every type the plan touches or maps to.
    const typeKeys = new Set<string>([...sources.map((s) => s.typeKey), ...Object.values(TYPE_OF_KIND)]);
    const live = new Map<string, TargetObject[]>();
    for (const typeKey of typeKeys) {
      run.throwIfCancelled();
      const readable = isGraphTypeKey(typeKey) && capabilities.types[typeKey]?.canRead;
      live.set(typeKey, readable ? await listTargetObjects(client, typeKey) : []);
    }
    const ledger = await this.ledgerOf(sourceTenantId, targetTenantId, sources);
    const templates = await templateStatesOf(client, templateIdsOf(sources));

    const drafts: DraftItem[] = [];
    for (const source of sources) {
      run.throwIfCancelled();
      drafts.push(
        await this.draft(client, source, {
          sameTenant,
          targets: live.get(source.typeKey) ?? [],
          ledgerTargetId: ledger.get(`${source.typeKey}:${source.sourceId}`) ?? null,
          canWrite: isGraphTypeKey(source.typeKey) ? (capabilities.types[source.typeKey]?.canWrite ?? false) : false,
          includeAssignments: ctx.includeAssignments,
          createOnly: ctx.mode === 'createOnly',
          templates,
        }),
      );
      run.reportProgress({ total: sources.length, processed: drafts.length });
    }

    // Names of the objects mappings point at, from the whole backup (the selection may leave them out).
    const referenced = new Map<string, string>();
    for await (const item of this.backups.itemsOf(ctx.backupId, { types: Object.values(TYPE_OF_KIND) }))
      referenced.set(`${item.typeKey}:${item.sourceId}`, item.displayName);
    const mappings = await this.resolveMappings(sourceTenantId, targetTenantId, drafts, live, referenced);
    const resolve = (kind: MappingKind, id: string) => mappings.get(mappingKey(kind, id))?.targetId ?? id;
    for (const d of drafts) await this.decide(d, targetTenantId, mappings, resolve, ctx.includeAssignments);

    const ordered = inDependencyOrder(
      drafts.map((d) => ({
        ...d,
        typeKey: d.source.typeKey,
        odataType: d.source.odataType,
        displayName: d.source.displayName,
        sourceId: d.source.sourceId,
      })),
    );
    const inventoryPrints = await this.inventoryFingerprints(targetTenantId, ordered);
    const items: Array<Omit<RestorePlanItem, 'id'>> = ordered.map((d, seq) => ({
      planId,
      seq,
      backupItemId: d.source.id,
      typeKey: d.source.typeKey,
      sourceId: d.source.sourceId,
      displayName: d.source.displayName,
      odataType: d.source.odataType,
      action: d.action,
      intendedAction: d.intendedAction,
      reasons: d.reasons,
      baseReasons: d.baseReasons,
      refs: d.refs,
      targetId: d.target?.id ?? null,
      matchedBy: d.matchedBy,
      targetFingerprint: d.target?.fingerprint ?? null,
      inventoryFingerprint: d.target ? (inventoryPrints.get(`${d.source.typeKey}:${d.target.id}`) ?? null) : null,
      diff: d.diff,
    }));
    const mappingList = [...mappings.values()];
    const hash = planHash({
      backupId: ctx.backupId,
      targetTenantId,
      mode: ctx.mode,
      includeAssignments: ctx.includeAssignments,
      items,
      mappings: mappingList,
    });
    const counts = countActions(items);
    const expiresAt = new Date(Date.now() + this.config.env.RESTORE_PLAN_TTL_MINUTES * 60_000);
    await this.db.transaction(async (m) => {
      await m.delete(RestorePlanItem, { planId });
      await m.delete(RestoreMapping, { planId });
      // jsonb columns: TypeORM's deep-partial type cannot express `unknown` values.
      if (items.length) await m.insert(RestorePlanItem, items as never);
      if (mappingList.length)
        await m.insert(
          RestoreMapping,
          mappingList.map((e) => ({ ...e, planId })),
        );
      await m.update(
        RestorePlan,
        { id: planId },
        { status: 'ready', planHash: hash, expiresAt, counts, updatedAt: new Date() },
      );
    });
    this.logger.debug(`restore.preview ${run.runId}: plan ${planId} ${JSON.stringify(counts)}`);
    return {
      outcome: OperationRunOutcome.Succeeded,
      summary: { total: items.length, processed: items.length, ...counts, graphRequests: stats.requests },
      result: { planId, counts },
    };
  }

  /** The plan row exists from the start (draft); a retried attempt of the same run reuses it. */
  private async startDraft(run: RunAttemptContext<'restore.preview'>, sourceTenantId: string): Promise<string> {
    const existing = await this.db.getRepository(RestorePlan).findOneBy({ previewRunId: run.runId });
    if (existing) return existing.id;
    const ctx = run.context;
    const inserted = await this.db.getRepository(RestorePlan).insert({
      sourceTenantId,
      targetTenantId: run.tenantId!,
      backupId: ctx.backupId,
      mode: ctx.mode,
      includeAssignments: ctx.includeAssignments,
      selection: { itemIds: ctx.itemIds, types: ctx.types },
      status: 'draft',
      previewRunId: run.runId,
      createdBy: run.initiatorUserId,
    });
    return String(inserted.identifiers[0].id);
  }

  private async ledgerOf(
    source: string,
    target: string,
    items: ReadonlyArray<Pick<SourceItem, 'sourceId'>>,
  ): Promise<Map<string, string>> {
    if (items.length === 0) return new Map();
    const rows = await this.db
      .getRepository(RestoreLedgerEntry)
      .createQueryBuilder('l')
      .where('l.source_tenant_id = :source AND l.target_tenant_id = :target', { source, target })
      .andWhere('l.source_id IN (:...ids)', { ids: [...new Set(items.map((i) => i.sourceId))] })
      .getMany();
    return new Map(rows.map((r) => [`${r.typeKey}:${r.sourceId}`, r.targetId]));
  }

  private async draft(
    client: GraphClient,
    source: SourceItem,
    o: {
      sameTenant: boolean;
      targets: TargetObject[];
      ledgerTargetId: string | null;
      canWrite: boolean;
      includeAssignments: boolean;
      createOnly: boolean;
      templates: ReadonlyMap<string, string | null>;
    },
  ): Promise<DraftItem> {
    const contract = isGraphTypeKey(source.typeKey) ? GRAPH_CONTRACTS[source.typeKey] : null;
    const reasons = preflightReasons(source, {
      contract,
      canWrite: o.canWrite,
      sameTenant: o.sameTenant,
      templates: o.templates,
    });
    const refs = referencesOf(source.typeKey, source.payload, o.includeAssignments ? source.assignments : []);
    const draft: DraftItem = {
      source,
      action: 'create',
      intendedAction: 'create',
      reasons,
      baseReasons: [],
      target: null,
      matchedBy: null,
      refs,
      diff: null,
      live: null,
    };
    const match = matchItem(
      { sourceId: source.sourceId, name: source.displayName, odataType: source.odataType },
      o.sameTenant,
      o.targets,
      o.ledgerTargetId,
    );
    if (match.kind === 'ambiguous')
      reasons.push(`ambiguous: ${match.count} objects named "${match.name}" in the target`);
    if (match.kind !== 'match' || !contract) return draft;
    draft.matchedBy = match.by;
    if (o.createOnly) {
      draft.target = match.target;
      draft.action = 'skip';
      draft.reasons.push('exists in the target (create only)');
      return draft;
    }
    const full = await readFull(client, contract, match.target.id);
    if (!full) return draft;
    draft.target = { ...toTarget(contract, full), fingerprint: fingerprintOf(full) };
    draft.live = full;
    draft.action = 'update';
    return draft;
  }

  /** Every group, filter, scope tag and role the items reference, resolved in the target (DB-only for groups). */
  private async resolveMappings(
    sourceTenantId: string,
    targetTenantId: string,
    drafts: DraftItem[],
    live: Map<string, TargetObject[]>,
    referenced: Map<string, string>,
  ): Promise<Map<string, MappingEntry>> {
    const refs = new Map<string, Reference>();
    for (const d of drafts) for (const r of d.refs) refs.set(mappingKey(r.kind, r.sourceId), r);
    const groupIds = [...refs.values()].filter((r) => r.kind === 'group').map((r) => r.sourceId);
    const sourceGroups = await this.directory.groupsByIds(sourceTenantId, groupIds);
    const groupNames = new Map(sourceGroups.map((g) => [g.externalId, g.displayName]));
    const targetGroups = [
      ...(await this.directory.groupsByIds(targetTenantId, groupIds)),
      ...(await this.directory.groupsByNames(targetTenantId, [...new Set(groupNames.values())])),
    ].filter((g) => g.deletedAt === null);
    const groupCandidates = {
      existing: [
        ...new Map(targetGroups.map((g) => [g.externalId, { id: g.externalId, name: g.displayName }])).values(),
      ],
      planned: new Set<string>(),
    };

    const out = new Map<string, MappingEntry>();
    for (const [key, ref] of refs) {
      if (ref.kind === 'group') {
        out.set(key, resolveReference(ref, groupNames.get(ref.sourceId) ?? null, groupCandidates));
        continue;
      }
      const typeKey = TYPE_OF_KIND[ref.kind];
      const inPlan = drafts.filter((d) => d.source.typeKey === typeKey);
      const sourceName =
        referenced.get(`${typeKey}:${ref.sourceId}`) ??
        (await this.inventory.itemsByExternalIds(sourceTenantId, typeKey, [ref.sourceId]))[0]?.name ??
        null;
      const planned = new Set(
        inPlan.filter((d) => d.action === 'create' && d.reasons.length === 0).map((d) => d.source.displayName),
      );
      const existing = (live.get(typeKey) ?? []).map((t) => ({ id: t.id, name: t.name }));
      const ledger = await this.ledgerOf(sourceTenantId, targetTenantId, [{ sourceId: ref.sourceId }]);
      const fromLedger = ledger.get(`${typeKey}:${ref.sourceId}`);
      out.set(
        key,
        resolveReference(ref, sourceName, {
          existing,
          planned,
          ledger: fromLedger ? new Map([[ref.sourceId, fromLedger]]) : undefined,
        }),
      );
    }
    return out;
  }

  /**
   * Blocks on unmapped references; an update whose mapped payload and assignments are identical to the live ones
   * after the backups module's normalisation is a skip, else it carries that module's diff rows (`compareUpdate`).
   */
  private async decide(
    d: DraftItem,
    targetTenantId: string,
    mappings: Map<string, MappingEntry>,
    resolve: (kind: MappingKind, id: string) => string,
    includeAssignments: boolean,
  ): Promise<void> {
    d.baseReasons = [...d.reasons];
    d.intendedAction = d.action;
    d.reasons.push(...unmappedReasons(d.refs, mappings));
    if (d.reasons.length && d.action !== 'skip') {
      d.action = 'blocked';
      return;
    }
    if (d.action !== 'update' || !d.live || !isGraphTypeKey(d.source.typeKey)) return;
    const diff = await compareUpdate(this.backups!, d.source, d.live, { targetTenantId, resolve, includeAssignments });
    d.live = null;
    if (diff === null) {
      d.action = d.intendedAction = 'skip';
      d.reasons.push('identical after normalisation');
      d.baseReasons = [...d.reasons];
    } else d.diff = diff;
  }

  private async inventoryFingerprints(
    tenantId: string,
    items: Array<{ source: SourceItem; target: TargetObject | null }>,
  ): Promise<Map<string, string>> {
    const byType = new Map<string, string[]>();
    for (const i of items)
      if (i.target) byType.set(i.source.typeKey, [...(byType.get(i.source.typeKey) ?? []), i.target.id]);
    const out = new Map<string, string>();
    for (const [typeKey, ids] of byType)
      for (const row of await this.inventory.itemsByExternalIds(tenantId, typeKey, ids))
        out.set(`${typeKey}:${row.externalId}`, inventoryFingerprint(row));
    return out;
  }
}

export function inventoryFingerprint(row: {
  lastModifiedAt: Date | null;
  version: string | null;
  missingSince: Date | null;
}): string {
  return `${row.lastModifiedAt?.toISOString() ?? ''}|${row.version ?? ''}|${row.missingSince ? 'missing' : ''}`;
}

export function countActions(items: ReadonlyArray<{ action: RestoreAction }>): Record<string, number> {
  const counts: Record<string, number> = { create: 0, update: 0, skip: 0, blocked: 0 };
  for (const i of items) counts[i.action] += 1;
  return counts;
}
