import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { BadUserInputError, ConflictError } from '../../../shared/app-errors';
import { AuditFacade } from '../../audit';
import { DirectoryFacade } from '../../directory';
import { InventoryFacade } from '../../inventory';
import { mappingKey, unmappedReasons } from '../domain/mapping';
import { planHash } from '../domain/plan-hash';
import { RestoreMapping } from '../domain/restore-mapping.entity';
import type { MappingEntry } from '../domain/restore-model';
import { RestorePlanItem } from '../domain/restore-plan-item.entity';
import { RestorePlan } from '../domain/restore-plan.entity';
import { countActions, TYPE_OF_KIND } from './restore-preview.handler';

/**
 * `setRestoreMapping`: an admin points one source id at a target object before confirming (DB-only: the target must be
 * in its directory cache or inventory). Items that referenced it are re-decided and the plan gets a new hash, so a
 * confirmation of the old hash is refused.
 */
@Injectable()
export class SetRestoreMappingUseCase {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly directory: DirectoryFacade,
    private readonly inventory: InventoryFacade,
    private readonly audit: AuditFacade,
  ) {}

  async execute(user: AuthenticatedUser, plan: RestorePlan, sourceId: string, targetId: string): Promise<RestorePlan> {
    if (plan.status !== 'ready') throw new ConflictError(`This plan is ${plan.status}; only a ready plan can change`);
    const mappings = await this.db.getRepository(RestoreMapping).findBy({ planId: plan.id });
    const mapping = mappings.find((m) => m.sourceId === sourceId);
    if (!mapping) throw new BadUserInputError('This plan maps no such source id', 'sourceId');
    const exists =
      mapping.kind === 'group'
        ? (await this.directory.groupsByIds(plan.targetTenantId, [targetId])).some((g) => g.deletedAt === null)
        : (await this.inventory.itemsByExternalIds(plan.targetTenantId, TYPE_OF_KIND[mapping.kind], [targetId])).some(
            (i) => i.missingSince === null,
          );
    if (!exists)
      throw new BadUserInputError(`No ${mapping.kind} with this id is known in the target tenant`, 'targetId');

    return this.db.transaction(async (m) => {
      mapping.targetId = targetId;
      mapping.foundBy = 'override';
      mapping.note = null;
      await m.update(
        RestoreMapping,
        { planId: plan.id, kind: mapping.kind, sourceId },
        { targetId, foundBy: 'override', note: null },
      );
      const byKey = new Map<string, MappingEntry>(mappings.map((x) => [mappingKey(x.kind, x.sourceId), x]));
      const items = await m.find(RestorePlanItem, { where: { planId: plan.id }, order: { seq: 'ASC' } });
      for (const item of items) {
        if (!item.refs.some((r) => r.kind === mapping.kind && r.sourceId === sourceId)) continue;
        item.reasons = [...item.baseReasons, ...unmappedReasons(item.refs, byKey)];
        item.action = item.reasons.length && item.intendedAction !== 'skip' ? 'blocked' : item.intendedAction;
        await m.update(RestorePlanItem, { id: item.id }, { reasons: item.reasons, action: item.action });
      }
      const hash = planHash({ ...plan, items, mappings });
      const counts = countActions(items);
      await m.update(RestorePlan, { id: plan.id }, { planHash: hash, counts, updatedAt: new Date() });
      await this.audit.record(
        {
          actor: { id: user.id, upn: user.upn },
          tenantId: plan.targetTenantId,
          action: 'restore.mapping.set',
          target: { type: 'restorePlan', id: plan.id },
          metadata: { kind: mapping.kind, sourceId, targetId },
        },
        m,
      );
      return Object.assign(plan, { planHash: hash, counts });
    });
  }
}
