import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { RequireAuthenticated, TenantAccessService } from '../../../infrastructure/access';
import { NotFoundError } from '../../../shared/app-errors';
import { OperationRunsFacade, OperationRunType } from '../../operation-runs';
import { TenantsFacade } from '../../tenants';
import { BackupDiffService } from '../application/backup-diff.service';
import { BackupDiffType, BackupItemDiffType } from './backup-diff.type';

/** Diffs over GraphQL: database-only comparisons of backups, and the compare-to-live run (spec 006 § Diff rules). */
@Resolver()
export class BackupDiffResolver {
  constructor(
    private readonly diffs: BackupDiffService,
    private readonly runs: OperationRunsFacade,
    private readonly tenants: TenantsFacade,
    private readonly access: TenantAccessService,
  ) {}

  @RequireAuthenticated("checks both items' tenants itself (NOT_FOUND when either is invisible)")
  @Query(() => BackupItemDiffType, {
    description:
      'The semantic diff of two backup items of one type: two versions, the same policy in two backups, or the "same" policy in two tenants (viewer on both).',
  })
  diffBackupItems(
    @CurrentUser() user: AuthenticatedUser,
    @Args('leftId', { type: () => ID }) leftId: string,
    @Args('rightId', { type: () => ID }) rightId: string,
  ) {
    return this.diffs.diffItems(user, leftId, rightId);
  }

  @RequireAuthenticated("checks both backups' tenants itself (NOT_FOUND when either is invisible)")
  @Query(() => BackupDiffType, {
    description:
      'Two completed backups compared: added, removed, changed and unchanged objects, with setting-level rows for the changed ones (database only).',
  })
  diffBackups(
    @CurrentUser() user: AuthenticatedUser,
    @Args('leftBackupId', { type: () => ID }) leftBackupId: string,
    @Args('rightBackupId', { type: () => ID }) rightBackupId: string,
  ) {
    return this.diffs.diffBackups(user, leftBackupId, rightBackupId);
  }

  @RequireAuthenticated('checks the item tenant itself (NOT_FOUND when invisible, operator role to start)')
  @Mutation(() => OperationRunType, {
    description:
      'Starts (or returns the already active) backup.compare-live run: the object read from Graph now, diffed against the backup item.',
  })
  async startCompareBackupToLive(
    @CurrentUser() user: AuthenticatedUser,
    @Args('backupItemId', { type: () => ID }) backupItemId: string,
  ) {
    const [item] = await this.diffs.loadItems([backupItemId]);
    if (!item || !(await this.access.canSee(user, item.tenantId))) throw new NotFoundError('BackupItem', backupItemId);
    await this.access.assertRole(user, item.tenantId, 'operator', 'BackupItem');
    await this.tenants.requireActive(item.tenantId);
    const { run } = await this.runs.start('backup.compare-live', {
      tenantId: item.tenantId,
      initiatorUserId: user.id,
      context: { backupItemId: item.itemId },
    });
    return run;
  }
}
