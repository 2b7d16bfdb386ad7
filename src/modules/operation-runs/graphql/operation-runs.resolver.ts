import { Args, ID, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { ACCESS_LOST } from '../../../infrastructure/graphql/access-bound-iterator';
import { BadUserInputError, NotFoundError } from '../../../shared/app-errors';
import { OperationRunNotFoundError } from '../domain/operation-runs.errors';
import { RequireAuthenticated } from '../../../infrastructure/access';
import type { OperationRunSnapshot } from '../application/operation-run.events';
import type { OperationRunFilter } from '../application/operation-run.queries';
import { OperationRunsFacade } from '../application/operation-runs.facade';
import { encodeRunCursor } from '../application/run-cursor';
import { OperationRunConnection, OperationRunsArgs, OperationRunUpdatedArgs } from './operation-runs.args';
import { OperationRunType } from './operation-run.type';
import { RunAccess } from './run-access';
import { RunUpdatesPubSub } from './run-updates.pubsub';

/** Monitoring (DB only) and live updates of runs. Visibility is decided per run by RunAccess. */
@Resolver(() => OperationRunType)
export class OperationRunsResolver {
  constructor(
    private readonly runs: OperationRunsFacade,
    private readonly access: RunAccess,
    private readonly updates: RunUpdatesPubSub,
  ) {}

  @RequireAuthenticated('lists only runs of tenants the caller may see')
  @Query(() => OperationRunConnection, { description: 'Runs, newest first (keyset pagination).' })
  async operationRuns(
    @Args() args: OperationRunsArgs,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OperationRunConnection> {
    if (args.first < 1 || args.first > 100) throw new BadUserInputError('first must be between 1 and 100', 'first');
    const { runs, hasNextPage } = await this.runs.list(
      (args.filter ?? {}) as OperationRunFilter,
      await this.access.visibility(user),
      args.first,
      args.after,
    );
    const edges = runs.map((node) => ({
      cursor: encodeRunCursor(node.createdAt, node.id),
      node: node as OperationRunType,
    }));
    return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @RequireAuthenticated("NOT_FOUND unless the caller may see the run's tenant")
  @Query(() => OperationRunType)
  async operationRun(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OperationRunType> {
    return (await this.access.assertVisible(user, await this.runs.get(id), id)) as OperationRunType;
  }

  @RequireAuthenticated("operator on the run's tenant, checked once the run is loaded (NOT_FOUND if invisible)")
  @Mutation(() => OperationRunType, {
    description: 'Cancels a queued run at once; asks a running one to stop (it ends cancelled).',
  })
  async cancelOperationRun(
    @Args('id', { type: () => ID }) id: string,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<OperationRunType> {
    const run = await this.access.assertVisible(user, await this.runs.get(id), id);
    await this.access.assertCanCancel(user, run);
    return (await this.runs.requestCancel(run.id, user.id)) as OperationRunType;
  }

  @RequireAuthenticated('checked at subscribe time and again for every delivered run')
  @Subscription(() => OperationRunType, {
    description:
      'Changes of one run (id) or of every run of a tenant (tenantId), from any process; drop messages whose version is not newer. Ends with NOT_FOUND when the caller loses access to the tenant (within SUBSCRIPTION_ACCESS_TTL_MS); the socket closes (4403) when the token expires.',
    // Access may change while subscribed: re-checked within seconds, and a lost one ends the subscription.
    resolve: (run: OperationRunSnapshot | typeof ACCESS_LOST, args: OperationRunUpdatedArgs) => {
      if (run !== ACCESS_LOST) return run;
      throw args.id ? new OperationRunNotFoundError(args.id) : new NotFoundError('Tenant', args.tenantId ?? undefined);
    },
  })
  async operationRunUpdated(
    @Args() args: OperationRunUpdatedArgs,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<AsyncIterableIterator<OperationRunSnapshot | typeof ACCESS_LOST>> {
    if (!args.id && !args.tenantId) throw new BadUserInputError('Give a run id or a tenantId', 'id');
    let tenantId = args.tenantId ?? null;
    if (args.id) tenantId = (await this.access.assertVisible(user, await this.runs.get(args.id), args.id)).tenantId;
    else await this.access.assertTenantVisible(user, tenantId as string);
    const accepts = (run: OperationRunSnapshot) => (args.id ? run.id === args.id : run.tenantId === args.tenantId);
    return this.access.boundTo(user, tenantId, this.updates.iterator(), accepts);
  }
}
