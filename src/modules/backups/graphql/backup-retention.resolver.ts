import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { RequireTenantRole } from '../../../infrastructure/access';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import type { GraphqlContext } from '../../../infrastructure/graphql/graphql-context';
import { OperationRunType } from '../../operation-runs';
import { ConflictError } from '../../../shared/app-errors';
import { BackupRetentionService } from '../application/retention/backup-retention.service';
import type { RetentionPolicy } from '../domain/retention';
import { BackupRetentionType } from './backup-retention.type';

const toType = (tenantId: string, policy: RetentionPolicy): BackupRetentionType => ({
  tenantId,
  ...policy,
  keepAll: policy.keepLast === null && policy.keepDays === null,
});

/** Retention: admins decide what may be deleted (deleting backups is irreversible); viewers may read the rule. */
@Resolver()
export class BackupRetentionResolver {
  constructor(private readonly retention: BackupRetentionService) {}

  @RequireTenantRole('admin')
  @Mutation(() => BackupRetentionType, {
    description:
      'Sets which backups the tenant keeps: the last keepLast and/or those younger than keepDays (a backup either ' +
      'rule keeps stays; the newest always stays). Both null = keep all (the default). Starts a backup.prune run.',
  })
  async setBackupRetention(
    @CurrentUser() user: AuthenticatedUser,
    @Context() ctx: GraphqlContext,
    @Args('tenantId', { type: () => ID }) tenantId: string,
    @Args('keepLast', { type: () => Int, nullable: true }) keepLast?: number | null,
    @Args('keepDays', { type: () => Int, nullable: true }) keepDays?: number | null,
  ): Promise<BackupRetentionType> {
    const { policy, pruneRun } = await this.retention.set(
      tenantId,
      { keepLast: keepLast ?? null, keepDays: keepDays ?? null },
      { id: user.id, upn: user.upn },
      ctx.requestId,
    );
    return { ...toType(tenantId, policy), pruneRun };
  }

  @RequireTenantRole('viewer')
  @Query(() => BackupRetentionType, { description: "The tenant's backup retention (database only)." })
  async backupRetention(@Args('tenantId', { type: () => ID }) tenantId: string): Promise<BackupRetentionType> {
    return toType(tenantId, await this.retention.get(tenantId));
  }

  @RequireTenantRole('admin')
  @Mutation(() => OperationRunType, {
    description: "Starts (or returns the active) backup.prune run, applying the tenant's retention now.",
  })
  async startBackupPrune(
    @CurrentUser() user: AuthenticatedUser,
    @Args('tenantId', { type: () => ID }) tenantId: string,
  ) {
    const run = await this.retention.startPruneIfRetained(tenantId, user.id);
    if (!run)
      throw new ConflictError('The tenant keeps every backup (or is archived): set a retention first', 'tenantId');
    return run;
  }
}
