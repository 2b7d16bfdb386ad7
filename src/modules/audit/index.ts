export { AuditModule } from './audit.module';
export { AuditTrail } from './application/audit-trail.facade';
export type { AuditPage } from './application/audit-trail.facade';
export type { AuditEntry, AuditEventFilterValues } from './application/audit-entry';
export { AuditEvent, AuditEventConnection } from './graphql/audit-event.type';
export { AuditEventFilter } from './graphql/audit-event-filter.input';
export { toAuditEventConnection } from './graphql/to-audit-event';
