import { Inject, Optional } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  RequireAuthenticated,
  RequireTenantRole,
  TenantAccessService,
  type TenantRole,
} from '../../../infrastructure/access';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { isGraphTypeKey } from '../../../infrastructure/graph';
import { Connection, pageSize, pageSizeDescription, toConnection } from '../../../infrastructure/graphql/pagination';
import { BadUserInputError, NotFoundError } from '../../../shared/app-errors';
import { OperationRunsFacade, OperationRunType } from '../../operation-runs';
import { TenantsFacade } from '../../tenants';
import { RESTORE_BACKUP_SOURCE, type RestoreBackupSource } from '../application/backup-source';
import { ConfirmRestorePlanUseCase } from '../application/confirm-restore-plan.use-case';
import { RestorePlanQueries } from '../application/restore-plan.queries';
import { SetRestoreMappingUseCase } from '../application/set-restore-mapping.use-case';
import type { RestorePlan } from '../domain/restore-plan.entity';
import {
  RestoreLedgerEntryType,
  RestorePlanType,
  RestoreResultType,
  StartRestorePreviewInput,
} from './restore-plan.type';
import { toPlanType, toResultType } from './to-restore-types';

const RestorePlanConnection = Connection(RestorePlanType, 'RestorePlan');
const RestoreLedgerConnection = Connection(RestoreLedgerEntryType, 'RestoreLedgerEntry');

@Resolver()
export class RestoreResolver {
  constructor(
    private readonly queries: RestorePlanQueries,
    private readonly runs: OperationRunsFacade,
    private readonly tenants: TenantsFacade,
    private readonly access: TenantAccessService,
    private readonly confirm: ConfirmRestorePlanUseCase,
    private readonly setMapping: SetRestoreMappingUseCase,
    @Optional() @Inject(RESTORE_BACKUP_SOURCE) private readonly backups?: RestoreBackupSource,
  ) {}

  @RequireTenantRole('operator', 'input.targetTenantId')
  @Mutation(() => OperationRunType, {
    description: 'Starts a restore.preview run that writes a plan for the target (it never writes to the tenant).',
  })
  async startRestorePreview(
    @CurrentUser() user: AuthenticatedUser,
    @Args('input', { type: () => StartRestorePreviewInput }) input: StartRestorePreviewInput,
  ) {
    const unknown = (input.types ?? []).filter((t) => !isGraphTypeKey(t));
    if (unknown.length) throw new BadUserInputError(`Unknown type key(s): ${unknown.join(', ')}`, 'types');
    const backup = this.backups ? await this.backups.findBackup(input.backupId) : null;
    // The backup's tenant must be visible too: NOT_FOUND exactly as for a backup that does not exist.
    if (!backup || !(await this.access.canSee(user, backup.tenantId)))
      throw new NotFoundError('Backup', input.backupId);
    if (backup.status !== 'completed')
      throw new BadUserInputError('Only a completed backup can be restored', 'backupId');
    await this.tenants.requireActive(input.targetTenantId);
    const { run } = await this.runs.start('restore.preview', {
      tenantId: input.targetTenantId,
      initiatorUserId: user.id,
      context: {
        backupId: input.backupId,
        ...(input.itemIds?.length ? { itemIds: [...new Set(input.itemIds)] } : {}),
        ...(input.types?.length ? { types: [...new Set(input.types)] } : {}),
        mode: input.mode,
        includeAssignments: input.includeAssignments,
      },
    });
    return run;
  }

  @RequireAuthenticated('checks access to both the source and the target tenant of the plan (NOT_FOUND otherwise)')
  @Query(() => RestorePlanType, {
    description: 'A plan with its items, actions, reasons, mappings and diffs (database only).',
  })
  async restorePlan(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID }) id: string) {
    const plan = await this.visiblePlan(user, id);
    return toPlanType(plan, await this.queries.items(plan.id), await this.queries.mappings(plan.id));
  }

  @RequireTenantRole('viewer')
  @Query(() => RestorePlanConnection, {
    description: 'Plans from or into a tenant, newest first; only plans whose other tenant you can see too.',
  })
  async restorePlans(
    @CurrentUser() user: AuthenticatedUser,
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('first', { type: () => Int, nullable: true, description: pageSizeDescription() }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const limit = pageSize(first);
    const rows = await this.queries.plans(tenantId, limit, after);
    const roles = await this.access.rolesOn(
      user,
      rows.flatMap((p) => [p.sourceTenantId, p.targetTenantId]),
    );
    const visible = (p: RestorePlan) => roles.has(p.sourceTenantId) && roles.has(p.targetTenantId);
    const connection = toConnection(
      rows,
      limit,
      (p) => [p.createdAt.toISOString(), p.id],
      (p) => p,
    );
    const plans = new Map(rows.map((p) => [p.id, p]));
    const edges = [];
    for (const edge of connection.edges) {
      const plan = plans.get(edge.node.id)!;
      if (visible(plan)) edges.push({ cursor: edge.cursor, node: toPlanType(plan, [], []) });
    }
    return { edges, pageInfo: connection.pageInfo };
  }

  @RequireAuthenticated('checks the plan tenants itself; needs admin on the target')
  @Mutation(() => RestorePlanType, {
    description:
      'Points one source id (group, filter, scope tag, role) of a ready plan at a target object; the plan hash changes.',
  })
  async setRestoreMapping(
    @CurrentUser() user: AuthenticatedUser,
    @Args('planId', { type: () => ID }) planId: string,
    @Args('sourceId') sourceId: string,
    @Args('targetId') targetId: string,
  ) {
    const plan = await this.visiblePlan(user, planId, 'admin');
    const updated = await this.setMapping.execute(user, plan, sourceId, targetId);
    return toPlanType(updated, await this.queries.items(plan.id), await this.queries.mappings(plan.id));
  }

  @RequireAuthenticated('checks the plan tenants itself; needs admin on the target')
  @Mutation(() => OperationRunType, {
    description:
      'Confirms the plan you reviewed (its hash) by typing the target tenant’s name, and starts restore.execute. A failed check is a coded error and nothing is written.',
  })
  async confirmRestorePlan(
    @CurrentUser() user: AuthenticatedUser,
    @Args('planId', { type: () => ID }) planId: string,
    @Args('planHash') planHash: string,
    @Args('typedTenantName') typedTenantName: string,
  ) {
    const plan = await this.visiblePlan(user, planId, 'admin');
    return this.confirm.execute(user, plan, planHash, typedTenantName);
  }

  @RequireAuthenticated('checks the plan tenants of the run itself (NOT_FOUND otherwise)')
  @Query(() => [RestoreResultType], { description: 'Per-item results of a restore.execute run, in execution order.' })
  async restoreResults(@CurrentUser() user: AuthenticatedUser, @Args('runId', { type: () => ID }) runId: string) {
    const plan = await this.queries.planForRun(runId);
    if (!plan) throw new NotFoundError('OperationRun', runId);
    await this.visiblePlan(user, plan.id, 'viewer', 'OperationRun', runId);
    return (await this.queries.results(runId)).map(toResultType);
  }

  @RequireTenantRole('viewer', 'targetTenantId')
  @Query(() => RestoreLedgerConnection, {
    description: 'The ID ledger of a target tenant: which source objects were restored as which target objects.',
  })
  async restoreLedger(
    @Args('targetTenantId', { type: () => ID }) targetTenantId: string,
    @Args('first', { type: () => Int, nullable: true, description: pageSizeDescription() }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const limit = pageSize(first);
    return toConnection(
      await this.queries.ledger(targetTenantId, limit, after),
      limit,
      (r) => [r.at.toISOString(), r.id],
      (r) => r,
    );
  }

  /** A plan is visible to users who can see its source and its target; `role` is then checked on the target. */
  private async visiblePlan(
    user: AuthenticatedUser,
    planId: string,
    role: TenantRole = 'viewer',
    entity = 'RestorePlan',
    id = planId,
  ): Promise<RestorePlan> {
    const plan = await this.queries.plan(planId);
    if (!plan) throw new NotFoundError(entity, id);
    const roles = await this.access.rolesOn(user, [plan.sourceTenantId, plan.targetTenantId]);
    if (!roles.has(plan.sourceTenantId) || !roles.has(plan.targetTenantId)) throw new NotFoundError(entity, id);
    if (role !== 'viewer') await this.access.assertRole(user, plan.targetTenantId, role, entity);
    return plan;
  }
}
