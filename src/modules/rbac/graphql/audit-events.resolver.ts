import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuditEvent, AuditEventConnection, AuditTrail, toAuditEventConnection } from '../../audit';
import { pageSize } from '../../../infrastructure/graphql/pagination';
import { RequireTenantRole } from '../access.decorators';
import { AuditEventsArgs } from './tenant-access.args';

/** The audit trail's query lives here: rbac owns the access check and writes to the trail, so audit cannot import rbac. */
@Resolver(() => AuditEvent)
export class AuditEventsResolver {
  constructor(private readonly audit: AuditTrail) {}

  @RequireTenantRole('admin')
  @Query(() => AuditEventConnection, { description: "A tenant's audit trail, newest first (admins)." })
  async auditEvents(@Args() { tenantId, filter, first, after }: AuditEventsArgs): Promise<AuditEventConnection> {
    return toAuditEventConnection(await this.audit.list(tenantId, filter ?? {}, pageSize(first), after));
  }
}
