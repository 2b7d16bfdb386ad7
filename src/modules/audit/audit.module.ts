import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditTrail } from './application/audit-trail.facade';
import { AuditEventEntity } from './domain/audit-event.entity';

/** The audit trail. Its GraphQL query lives in rbac (which owns access checks and must write here: no cycle). */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventEntity])],
  providers: [AuditTrail],
  exports: [AuditTrail],
})
export class AuditModule {}
