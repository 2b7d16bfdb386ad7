import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import {
  DELEGATED_GROUP_SEARCH_SCOPES,
  GraphAuthError,
  GraphClientFactory,
  GraphPermissionError,
} from '../../../infrastructure/graph';
import { ConflictError, ForbiddenError } from '../../../shared/app-errors';
import { TenantDirectory } from './tenant-directory.port';

const REASON = 'delegated access required';

export interface DirectoryGroupHit {
  id: string;
  displayName: string;
  description: string | null;
  mail: string | null;
  securityEnabled: boolean;
  mailEnabled: boolean;
}

/**
 * Live group search as the signed-in user (on-behalf-of their own bearer token). Never falls back to the app token:
 * a user must not see through the app what they could not see themselves.
 */
@Injectable()
export class SearchDirectoryGroupsUseCase {
  constructor(
    private readonly tenants: TenantDirectory,
    private readonly graph: GraphClientFactory,
  ) {}

  async execute(user: AuthenticatedUser, tenantId: string, query: string, limit = 25): Promise<DirectoryGroupHit[]> {
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
          select: ['id', 'displayName', 'description', 'mail', 'securityEnabled', 'mailEnabled'],
          top: limit,
          headers: { ConsistencyLevel: 'eventual' },
        },
      )) {
        return page.items.slice(0, limit).map(toHit); // first page only: this is a picker, not an export
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

function toHit(item: Record<string, unknown>): DirectoryGroupHit {
  return {
    id: String(item.id),
    displayName: String(item.displayName ?? ''),
    description: (item.description as string | null) ?? null,
    mail: (item.mail as string | null) ?? null,
    securityEnabled: item.securityEnabled === true,
    mailEnabled: item.mailEnabled === true,
  };
}
