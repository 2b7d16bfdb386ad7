import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { GRAPH_CONTRACTS, isGraphTypeKey } from '../../../infrastructure/graph';
import { Connection, pageSize, pageSizeDescription } from '../../../infrastructure/graphql/pagination';
import { BadUserInputError, NotFoundError } from '../../../shared/app-errors';
import { isUuid } from '../../../shared/uuid';
import { RequireAuthenticated, RequireTenantRole, TenantAccessService } from '../../../infrastructure/access';
import { OperationRunsFacade, OperationRunType } from '../../operation-runs';
import { TenantsFacade } from '../../tenants';
import { InventoryQueryService } from '../application/inventory-query.service';
import { InventoryScheduleService } from '../application/inventory-schedule.service';
import { InventoryItemFilterInput, InventoryItemType } from './inventory-item.type';
import { InventoryScheduleType, InventorySummary } from './inventory-summary.type';

const InventoryItemConnection = Connection(InventoryItemType, 'InventoryItem');

@Resolver()
export class InventoryResolver {
  constructor(
    private readonly queries: InventoryQueryService,
    private readonly runs: OperationRunsFacade,
    private readonly schedules: InventoryScheduleService,
    private readonly tenants: TenantsFacade,
    private readonly access: TenantAccessService,
  ) {}

  @RequireTenantRole('operator')
  @Mutation(() => OperationRunType, {
    description: 'Starts (or returns the already active) inventory sync of a tenant.',
  })
  async startInventorySync(
    @CurrentUser() user: AuthenticatedUser,
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('types', { type: () => [String], nullable: true, description: 'Limit the pass to these contract type keys.' })
    types?: string[] | null,
  ) {
    const unknown = (types ?? []).filter((t) => !isGraphTypeKey(t));
    if (unknown.length) throw new BadUserInputError(`Unknown type key(s): ${unknown.join(', ')}`, 'types');
    await this.tenants.requireStartable(tenantId);
    const { run } = await this.runs.start('inventory.sync', {
      tenantId,
      initiatorUserId: user.id,
      context: types?.length ? { types: [...new Set(types)] } : {},
    });
    return run;
  }

  @RequireTenantRole('viewer')
  @Query(() => InventoryItemConnection, { description: 'Last observed objects of a tenant (database only).' })
  inventoryItems(
    @Args('tenantId', { type: () => ID }) tenantId: string,
    // Not `| null`: the parameter's design type must be the class, or the validation pipe never sees the filter's rules.
    @Args('filter', { type: () => InventoryItemFilterInput, nullable: true }) filter?: InventoryItemFilterInput,
    @Args('first', { type: () => Int, nullable: true, description: pageSizeDescription() }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.queries.listItems(tenantId, filter ?? {}, pageSize(first), after);
  }

  @RequireAuthenticated('checks the item tenant itself (NOT_FOUND when invisible)')
  @Query(() => InventoryItemType)
  async inventoryItem(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID }) id: string) {
    const item = isUuid(id) ? await this.queries.findItem(id) : null;
    if (!item || !(await this.access.canSee(user, item.tenantId))) throw new NotFoundError('InventoryItem', id);
    return item;
  }

  @RequireTenantRole('viewer')
  @Query(() => InventorySummary, {
    description: 'Counts per type, last complete sync per type, last run (database only).',
  })
  async inventorySummary(@Args('tenantId', { type: () => ID }) tenantId: string): Promise<InventorySummary> {
    const { counts, states } = await this.queries.summary(tenantId);
    const keys = new Set([...Object.keys(GRAPH_CONTRACTS), ...counts.map((c) => c.typeKey)]);
    const types = [...keys].sort().map((typeKey) => {
      const count = counts.find((c) => c.typeKey === typeKey);
      const state = states.find((s) => s.typeKey === typeKey);
      return {
        typeKey,
        label: isGraphTypeKey(typeKey) ? GRAPH_CONTRACTS[typeKey].label : typeKey,
        present: count?.present ?? 0,
        missing: count?.missing ?? 0,
        lastStatus: state?.status ?? null,
        lastReason: state?.reason ?? null,
        lastCompleteSyncAt: state?.lastCompleteSyncAt ?? null,
        lastRunId: state?.lastRunId ?? null,
      };
    });
    const latest = [...states].sort((a, b) => b.lastAttemptAt.getTime() - a.lastAttemptAt.getTime())[0];
    return {
      tenantId,
      totalPresent: types.reduce((n, t) => n + t.present, 0),
      totalMissing: types.reduce((n, t) => n + t.missing, 0),
      types,
      lastRunId: latest?.lastRunId ?? null,
      lastSyncAt: latest?.lastAttemptAt ?? null,
    };
  }

  @RequireTenantRole('operator')
  @Mutation(() => InventoryScheduleType, {
    nullable: true,
    description: 'Sets (cron, UTC) or clears (null) the tenant inventory sync schedule.',
  })
  async setInventorySchedule(
    @CurrentUser() user: AuthenticatedUser,
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('cron', { type: () => String, nullable: true }) cron: string | null,
  ) {
    if (cron !== null) await this.tenants.requireActive(tenantId);
    return this.schedules.set(tenantId, cron, user.id);
  }

  @RequireTenantRole('viewer')
  @Query(() => InventoryScheduleType, { nullable: true })
  inventorySchedule(@Args('tenantId', { type: () => ID }) tenantId: string) {
    return this.schedules.get(tenantId);
  }
}
