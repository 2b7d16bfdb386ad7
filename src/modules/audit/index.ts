export { AuditModule } from './audit.module';
export { AuditFacade, type AuditEntry } from './application/audit.facade';
