import { Injectable } from '@nestjs/common';
import type { DirectoryGroup } from '../domain/directory-group.entity';
import { DirectoryGroupQueries } from './directory-group.queries';

/** A cached Entra group as other modules see it. */
export interface DirectoryGroupView {
  /** The group id in Entra. */
  externalId: string;
  displayName: string;
  securityEnabled: boolean;
  mailEnabled: boolean;
  groupTypes: string[];
  hasMembershipRule: boolean;
  /** Set when the last complete sync no longer saw it. */
  deletedAt: Date | null;
}

/**
 * The directory module's read surface: a tenant's cached Entra groups (database only), for backup diffs (group names
 * instead of ids) and restore group mapping. Refresh it with a `directory.groups.sync` run.
 */
@Injectable()
export class DirectoryFacade {
  constructor(private readonly queries: DirectoryGroupQueries) {}

  async groupsByIds(tenantId: string, externalIds: readonly string[]): Promise<DirectoryGroupView[]> {
    return (await this.queries.byExternalIds(tenantId, externalIds)).map(toView);
  }

  /** Live groups whose display name equals one of `names` (case-insensitive); several may share a name. */
  async groupsByNames(tenantId: string, names: readonly string[]): Promise<DirectoryGroupView[]> {
    return (await this.queries.byDisplayNames(tenantId, names)).map(toView);
  }
}

function toView(row: DirectoryGroup): DirectoryGroupView {
  return {
    externalId: row.externalId,
    displayName: row.displayName,
    securityEnabled: row.securityEnabled,
    mailEnabled: row.mailEnabled,
    groupTypes: row.groupTypes,
    hasMembershipRule: row.hasMembershipRule,
    deletedAt: row.deletedAt,
  };
}
