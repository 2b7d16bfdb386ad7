import { Injectable } from '@nestjs/common';
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
  ) {}

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

  /** canSee for each subscription delivery: a decision a few seconds old, not a query per event. */
  canReceive(user: AuthenticatedUser, run: { tenantId: string | null }): Promise<boolean> {
    return this.deliveries.canSee(user, run.tenantId);
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
