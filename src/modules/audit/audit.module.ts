import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditFacade } from './application/audit.facade';
import { AuditEventEntity } from './domain/audit-event.entity';
import { AuditEventsResolver } from './graphql/audit-events.resolver';

/** The append-only audit trail: every module records through AuditFacade; tenant admins read it (auditEvents). */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  providers: [AuditFacade, AuditEventsResolver],
  exports: [AuditFacade],
})
export class AuditModule {}
