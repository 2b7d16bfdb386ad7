import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import {
  DELEGATED_GROUP_SEARCH_SCOPES,
  GraphAuthError,
  GraphClientFactory,
  GraphPermissionError,
} from '../../../infrastructure/graph';
import { ConflictError, ForbiddenError } from '../../../shared/app-errors';
import { TenantsFacade } from '../../tenants';
import { GROUP_SELECT, type ObservedGroup, toObservedGroup } from '../domain/observed-group';

const REASON = 'delegated access required';

/**
 * Live group search as the signed-in user (on-behalf-of their own bearer token). Never falls back to the app token:
 * a user must not see through the app what they could not see themselves.
 */
@Injectable()
export class SearchDirectoryGroupsUseCase {
  constructor(
    private readonly tenants: TenantsFacade,
    private readonly graph: GraphClientFactory,
  ) {}

  async execute(user: AuthenticatedUser, tenantId: string, query: string, limit = 25): Promise<ObservedGroup[]> {
    // An app-only caller (no `scp`) has no user to act for.
    if (!user.accessToken || user.scopes.length === 0)
      throw new ForbiddenError('Group search runs as you: sign in as a user with a delegated token', REASON);
    const connection = await this.tenants.connectionFor(tenantId);
    if (!connection) throw new ConflictError('The tenant is archived: live directory calls are disabled', 'tenantId');
    const client = this.graph.forDelegatedUser(connection, user.accessToken, [...DELEGATED_GROUP_SEARCH_SCOPES]);
    const search = `"displayName:${query.replace(/["\\]/g, ' ').trim()}"`;
    try {
      for await (const page of client.list(
        { path: '/groups' },
        {
          search,
          select: [...GROUP_SELECT],
          top: limit,
          headers: { ConsistencyLevel: 'eventual' },
        },
      )) {
        // First page only: this is a picker, not an export.
        return page.items
          .slice(0, limit)
          .map(toObservedGroup)
          .filter((g) => g !== null);
      }
      return [];
    } catch (error) {
      if (error instanceof GraphAuthError || error instanceof GraphPermissionError) {
        throw new ForbiddenError(
          `Group search needs your delegated consent in this tenant (${error instanceof GraphAuthError ? error.kind : 'forbidden'})`,
          REASON,
        );
      }
      throw error;
    }
  }
}
