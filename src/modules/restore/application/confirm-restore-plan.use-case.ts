import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { AppError, BadUserInputError, ConflictError } from '../../../shared/app-errors';
import { AuditFacade } from '../../audit';
import { InventoryFacade } from '../../inventory';
import { OperationRunsFacade, type OperationRunView } from '../../operation-runs';
import { TenantsFacade } from '../../tenants';
import { RestorePlanItem } from '../domain/restore-plan-item.entity';
import { RestorePlan } from '../domain/restore-plan.entity';
import { inventoryFingerprint } from './restore-preview.handler';

/** A refused confirmation: CONFLICT with a `reason` saying which check failed; nothing was written anywhere. */
export class PlanCheckFailedError extends AppError {
  constructor(message: string, reason: string, field?: string) {
    super('CONFLICT', message, { reason, field });
  }
}

/**
 * `confirmRestorePlan`: the admin of the target confirms exactly the plan they reviewed (its hash), typing the target
 * tenant's name; the plan must be ready, unexpired, and the target's inventory unchanged for its items since preview.
 * Then — and only then — `restore.execute` starts. Every refusal writes nothing (and calls no Graph).
 */
@Injectable()
export class ConfirmRestorePlanUseCase {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tenants: TenantsFacade,
    private readonly inventory: InventoryFacade,
    private readonly runs: OperationRunsFacade,
    private readonly audit: AuditFacade,
  ) {}

  async execute(
    user: AuthenticatedUser,
    plan: RestorePlan,
    planHash: string,
    typedTenantName: string,
  ): Promise<OperationRunView> {
    if (plan.status === 'confirmed' || plan.status === 'executed')
      throw new PlanCheckFailedError('This plan was already confirmed', 'plan_already_confirmed');
    if (plan.status !== 'ready')
      throw new PlanCheckFailedError(`This plan is ${plan.status}, not ready`, `plan_${plan.status}`);
    if (plan.expiresAt && plan.expiresAt.getTime() <= Date.now()) {
      await this.db
        .getRepository(RestorePlan)
        .update({ id: plan.id, status: 'ready' }, { status: 'expired', updatedAt: new Date() });
      throw new PlanCheckFailedError('This plan has expired: run the preview again', 'plan_expired');
    }
    if (planHash !== plan.planHash)
      throw new PlanCheckFailedError(
        'The plan changed since you reviewed it (hash mismatch): review it again',
        'plan_hash_mismatch',
        'planHash',
      );
    const target = await this.tenants.requireActive(plan.targetTenantId);
    if (typedTenantName !== target.displayName)
      throw new BadUserInputError('The typed name is not the target tenant’s name', 'typedTenantName', {
        reason: 'tenant_name_mismatch',
      });
    const changed = await this.changedSincePreview(plan);
    if (changed.length) {
      await this.db
        .getRepository(RestorePlan)
        .update({ id: plan.id, status: 'ready' }, { status: 'expired', updatedAt: new Date() });
      throw new PlanCheckFailedError(
        `The target changed since preview (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? ', …' : ''}): run the preview again`,
        'target_changed',
      );
    }
    // Claim the plan first (ready → confirmed): two confirmations race, one wins, the other is refused.
    const claimed = await this.db
      .getRepository(RestorePlan)
      .update(
        { id: plan.id, status: 'ready', planHash },
        { status: 'confirmed', confirmedBy: user.id, confirmedAt: new Date(), updatedAt: new Date() },
      );
    if (!claimed.affected) throw new ConflictError('This plan was confirmed or changed meanwhile');
    const { run } = await this.runs.start('restore.execute', {
      tenantId: plan.targetTenantId,
      initiatorUserId: user.id,
      context: { planId: plan.id },
    });
    await this.db.transaction(async (m) => {
      await m.update(RestorePlan, { id: plan.id }, { executeRunId: run.id });
      await this.audit.record(
        {
          actor: { id: user.id, upn: user.upn },
          tenantId: plan.targetTenantId,
          action: 'restore.confirmed',
          target: { type: 'restorePlan', id: plan.id },
          metadata: { planHash, runId: run.id, sourceTenantId: plan.sourceTenantId, backupId: plan.backupId },
        },
        m,
      );
    });
    return run;
  }

  /** Planned items whose target's inventory row moved since preview (DB-only: inventory is the last observed state). */
  private async changedSincePreview(plan: RestorePlan): Promise<string[]> {
    const items = await this.db.getRepository(RestorePlanItem).findBy({ planId: plan.id });
    const changed: string[] = [];
    const byType = new Map<string, RestorePlanItem[]>();
    for (const i of items)
      if (i.targetId && i.action !== 'blocked') byType.set(i.typeKey, [...(byType.get(i.typeKey) ?? []), i]);
    for (const [typeKey, list] of byType) {
      const rows = await this.inventory.itemsByExternalIds(
        plan.targetTenantId,
        typeKey,
        list.map((i) => i.targetId!),
      );
      const now = new Map(rows.map((r) => [r.externalId, inventoryFingerprint(r)]));
      for (const i of list) if ((now.get(i.targetId!) ?? null) !== i.inventoryFingerprint) changed.push(i.displayName);
    }
    return changed;
  }
}
