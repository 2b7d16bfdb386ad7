import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { AccessBoundIterator } from '../../../infrastructure/graphql/access-bound-iterator';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { ForbiddenError } from '../../../shared/app-errors';
import { TenantAccessCache, TenantAccessService } from '../../../infrastructure/access';
import { OperationRunNotFoundError } from '../domain/operation-runs.errors';
import type { RunVisibility } from '../application/operation-run.queries';

/**
 * Who may see and cancel which run, in one place (delegating the tenant policy to the platform access layer). A run of a tenant the
 * caller may not see is NOT_FOUND, exactly like a run that does not exist.
 */
@Injectable()
export class RunAccess {
  constructor(
    private readonly access: TenantAccessService,
    private readonly deliveries: TenantAccessCache,
    private readonly config: AppConfig,
  ) {}

  /**
   * A live stream of the payloads a subscription `accepts`, while the user may still see `tenantId` (checked per
   * delivery through the short-lived cache, and every SUBSCRIPTION_ACCESS_TTL_MS without one): after a revoke it ends
   * with ACCESS_LOST rather than going silent.
   */
  boundTo<T>(
    user: AuthenticatedUser,
    tenantId: string | null,
    source: AsyncIterator<T>,
    accepts: (payload: T) => boolean,
  ): AccessBoundIterator<T> {
    return new AccessBoundIterator(source, {
      accepts,
      stillAllowed: () => this.deliveries.canSee(user, tenantId),
      recheckMs: this.config.env.SUBSCRIPTION_ACCESS_TTL_MS || 1000,
    });
  }

  async visibility(user: AuthenticatedUser): Promise<RunVisibility> {
    const [tenantIds, workspaceRuns] = await Promise.all([
      this.access.visibleTenantIds(user),
      this.access.canSee(user, null),
    ]);
    return { tenantIds, workspaceRuns };
  }

  canSee(user: AuthenticatedUser, run: { tenantId: string | null }): Promise<boolean> {
    return this.access.canSee(user, run.tenantId);
  }

  async assertVisible<T extends { id: string; tenantId: string | null }>(
    user: AuthenticatedUser,
    run: T | null,
    id: string,
  ): Promise<T> {
    if (!run || !(await this.canSee(user, run))) throw new OperationRunNotFoundError(id);
    return run;
  }

  /** Operators of the run's tenant; workspace-wide runs: platform admins or whoever started it. */
  async assertCanCancel(
    user: AuthenticatedUser,
    run: { id: string; tenantId: string | null; initiatorUserId: string | null },
  ): Promise<void> {
    if (run.tenantId) {
      await this.access.assertRole(user, run.tenantId, 'operator', 'OperationRun');
      return;
    }
    if (!this.access.isPlatformAdmin(user) && run.initiatorUserId !== user.id)
      throw new ForbiddenError(
        'Only platform administrators or the initiator may cancel this run',
        'insufficient_role',
      );
  }

  async assertTenantVisible(user: AuthenticatedUser, tenantId: string): Promise<void> {
    await this.access.assertRole(user, tenantId, 'viewer');
  }
}
