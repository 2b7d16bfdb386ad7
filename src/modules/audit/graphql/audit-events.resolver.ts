import { Args, Query, Resolver } from '@nestjs/graphql';
import { AuditFacade } from '../application/audit.facade';
import { AuditEvent, AuditEventConnection } from './audit-event.type';
import { AuditEventsArgs } from './audit-events.args';
import { toAuditEventConnection } from './to-audit-event';
import { pageSize } from '../../../infrastructure/graphql/pagination';
import { RequireTenantRole } from '../../../infrastructure/access';

/** The audit trail, read by tenant admins (database only). */
@Resolver(() => AuditEvent)
export class AuditEventsResolver {
  constructor(private readonly audit: AuditFacade) {}

  @RequireTenantRole('admin')
  @Query(() => AuditEventConnection, { description: "A tenant's audit trail, newest first (admins)." })
  async auditEvents(@Args() { tenantId, filter, first, after }: AuditEventsArgs): Promise<AuditEventConnection> {
    return toAuditEventConnection(await this.audit.list(tenantId, filter ?? {}, pageSize(first), after));
  }
}
