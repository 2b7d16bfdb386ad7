import type { RestoreMapping } from '../domain/restore-mapping.entity';
import type { RestorePlanItem } from '../domain/restore-plan-item.entity';
import type { RestorePlan } from '../domain/restore-plan.entity';
import type { RestoreResult } from '../domain/restore-result.entity';
import type {
  RestoreActionValue,
  RestoreItemStatusValue,
  RestoreMappingKindValue,
  RestoreMappingSourceValue,
  RestoreModeValue,
  RestorePlanStatusValue,
  RestorePlanType,
  RestoreResultType,
} from './restore-plan.type';

const json = (v: unknown) => JSON.stringify(v ?? null);

export function toPlanType(plan: RestorePlan, items: RestorePlanItem[], mappings: RestoreMapping[]): RestorePlanType {
  return {
    id: plan.id,
    sourceTenantId: plan.sourceTenantId,
    targetTenantId: plan.targetTenantId,
    backupId: plan.backupId,
    mode: plan.mode as RestoreModeValue,
    includeAssignments: plan.includeAssignments,
    status: plan.status as RestorePlanStatusValue,
    planHash: plan.planHash,
    expiresAt: plan.expiresAt,
    counts: {
      create: plan.counts.create ?? 0,
      update: plan.counts.update ?? 0,
      skip: plan.counts.skip ?? 0,
      blocked: plan.counts.blocked ?? 0,
    },
    previewRunId: plan.previewRunId,
    executeRunId: plan.executeRunId,
    confirmedAt: plan.confirmedAt,
    executedAt: plan.executedAt,
    createdAt: plan.createdAt,
    items: items.map((i) => ({
      id: i.id,
      seq: i.seq,
      backupItemId: i.backupItemId,
      typeKey: i.typeKey,
      sourceId: i.sourceId,
      displayName: i.displayName,
      odataType: i.odataType,
      action: i.action as RestoreActionValue,
      reasons: i.reasons,
      targetId: i.targetId,
      matchedBy: i.matchedBy,
      diff: (i.diff ?? []).map((d) => ({ path: d.path, left: json(d.left), right: json(d.right) })),
    })),
    mappings: mappings.map((m) => ({
      kind: m.kind as RestoreMappingKindValue,
      sourceId: m.sourceId,
      sourceName: m.sourceName,
      targetId: m.targetId,
      foundBy: m.foundBy as RestoreMappingSourceValue,
      note: m.note,
    })),
  };
}

export function toResultType(r: RestoreResult & { item: RestorePlanItem | null }): RestoreResultType {
  return {
    id: r.id,
    runId: r.runId,
    planId: r.planId,
    planItemId: r.planItemId,
    seq: r.seq,
    typeKey: r.item?.typeKey ?? '',
    displayName: r.item?.displayName ?? '',
    status: r.status as RestoreItemStatusValue,
    targetId: r.targetId,
    created: r.created,
    message: r.message,
    at: r.at,
  };
}
