import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { RequireAuthenticated, RequireTenantRole, TenantAccessService } from '../../../infrastructure/access';
import { GRAPH_CONTRACTS, isGraphTypeKey } from '../../../infrastructure/graph';
import { Connection, pageSize, pageSizeDescription } from '../../../infrastructure/graphql/pagination';
import { NotFoundError } from '../../../shared/app-errors';
import { isUuid } from '../../../shared/uuid';
import { OperationRunType } from '../../operation-runs';
import { TenantsFacade } from '../../tenants';
import { BackupItemReader } from '../application/backup-item-reader';
import { BackupQueryService, type BackupItemRow } from '../application/backup-query.service';
import { BackupScheduleService } from '../application/backup-schedule.service';
import { BackupsFacade } from '../application/backups.facade';
import type { Backup } from '../domain/backup.entity';
import { BackupItemContentType, BackupItemFilterInput, BackupItemType, PolicyVersionType } from './backup-item.type';
import { BackupScheduleType, BackupType } from './backup.type';

const BackupConnection = Connection(BackupType, 'Backup');
const BackupItemConnection = Connection(BackupItemType, 'BackupItem');
const PolicyVersionConnection = Connection(PolicyVersionType, 'PolicyVersion');

export function toBackupType(row: Backup): BackupType {
  return {
    ...row,
    countsByType: Object.entries(row.countsByType ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([typeKey, count]) => ({
        typeKey,
        label: isGraphTypeKey(typeKey) ? GRAPH_CONTRACTS[typeKey].label : typeKey,
        count,
      })),
  };
}

/** Backups over GraphQL: database-only reads, tenant-isolated (an invisible backup is NOT_FOUND), and the starts. */
@Resolver()
export class BackupsResolver {
  constructor(
    private readonly queries: BackupQueryService,
    private readonly reader: BackupItemReader,
    private readonly facade: BackupsFacade,
    private readonly schedules: BackupScheduleService,
    private readonly tenants: TenantsFacade,
    private readonly access: TenantAccessService,
  ) {}

  @RequireTenantRole('operator')
  @Mutation(() => OperationRunType, { description: 'Starts (or returns the already active) backup of a tenant.' })
  async startBackup(
    @CurrentUser() user: AuthenticatedUser,
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('types', { type: () => [String], nullable: true, description: 'Limit the backup to these type keys.' })
    types?: string[] | null,
    @Args('itemIds', { type: () => [ID], nullable: true, description: 'Limit the backup to these Graph object ids.' })
    itemIds?: string[] | null,
  ) {
    const { run } = await this.facade.startBackup(user, tenantId, { types, itemIds });
    return run;
  }

  @RequireTenantRole('viewer')
  @Query(() => BackupConnection, { description: "A tenant's backups, newest first (database only)." })
  async backups(
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('first', { type: () => Int, nullable: true, description: pageSizeDescription() }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const page = await this.queries.listBackups(tenantId, pageSize(first), after);
    return { ...page, edges: page.edges.map((e) => ({ ...e, node: toBackupType(e.node) })) };
  }

  @RequireAuthenticated('checks the backup tenant itself (NOT_FOUND when invisible)')
  @Query(() => BackupType)
  async backup(@CurrentUser() user: AuthenticatedUser, @Args('id', { type: () => ID }) id: string) {
    return toBackupType(await this.visibleBackup(user, id));
  }

  @RequireAuthenticated('checks the backup tenant itself (NOT_FOUND when invisible)')
  @Query(() => BackupItemConnection, { description: 'Items of a backup by type and name (database only).' })
  async backupItems(
    @CurrentUser() user: AuthenticatedUser,
    @Args('backupId', { type: () => ID }) backupId: string,
    // Not `| null`: the parameter's design type must be the class, or the validation pipe never sees its rules.
    @Args('filter', { type: () => BackupItemFilterInput, nullable: true }) filter?: BackupItemFilterInput,
    @Args('first', { type: () => Int, nullable: true, description: pageSizeDescription() }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    const backup = await this.visibleBackup(user, backupId);
    return this.queries.listItems(backup.id, filter ?? {}, pageSize(first), after);
  }

  @RequireAuthenticated('checks the item tenant itself (NOT_FOUND when invisible)')
  @Query(() => BackupItemContentType, { description: 'One backup item with its raw payload and assignments.' })
  async backupItem(
    @CurrentUser() user: AuthenticatedUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('backupId', {
      type: () => ID,
      nullable: true,
      description:
        'Read the item in this backup (NOT_FOUND unless it holds the item): backupId and changed are then this ' +
        "backup's. Without it they are those of the oldest existing backup holding the item (an item is stored " +
        'once and shared by every backup whose objects of its type are identical).',
    })
    backupId?: string | null,
  ): Promise<BackupItemContentType> {
    const row: BackupItemRow | null =
      isUuid(id) && (!backupId || isUuid(backupId)) ? await this.queries.findItemRow(id, backupId) : null;
    if (!row || !(await this.access.canSee(user, row.tenantId))) throw new NotFoundError('BackupItem', id);
    const content = (await this.reader.findItem(id))!;
    return { ...row, payload: content.payload, assignments: content.assignments };
  }

  @RequireTenantRole('viewer')
  @Query(() => PolicyVersionConnection, { description: 'Version history of one object, newest first.' })
  policyVersions(
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('typeKey') typeKey: string,
    @Args('sourceId', { description: 'The object id in Microsoft Graph.' }) sourceId: string,
    @Args('first', { type: () => Int, nullable: true, description: pageSizeDescription() }) first?: number,
    @Args('after', { type: () => String, nullable: true }) after?: string,
  ) {
    return this.queries.listVersions(tenantId, typeKey, sourceId, pageSize(first), after);
  }

  @RequireTenantRole('operator')
  @Mutation(() => BackupScheduleType, {
    nullable: true,
    description: 'Sets (cron, UTC) or clears (null) the tenant backup schedule.',
  })
  async setBackupSchedule(
    @CurrentUser() user: AuthenticatedUser,
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('cron', { type: () => String, nullable: true }) cron: string | null,
  ) {
    if (cron !== null) await this.tenants.requireActive(tenantId);
    return this.schedules.set(tenantId, cron, user.id);
  }

  @RequireTenantRole('viewer')
  @Query(() => BackupScheduleType, { nullable: true })
  backupSchedule(@Args('tenantId', { type: () => ID }) tenantId: string) {
    return this.schedules.get(tenantId);
  }

  private async visibleBackup(user: AuthenticatedUser, id: string): Promise<Backup> {
    const backup = isUuid(id) ? await this.queries.findBackup(id) : null;
    if (!backup || !(await this.access.canSee(user, backup.tenantId))) throw new NotFoundError('Backup', id);
    return backup;
  }
}
