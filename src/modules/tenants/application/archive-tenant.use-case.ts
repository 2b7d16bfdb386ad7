import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { GraphClientFactory } from '../../../infrastructure/graph';
import { AuditFacade } from '../../audit';
import { TenantEntity } from '../domain/tenant.entity';
import { lockTenant } from './lock-tenant';
import { connectionKeyOf } from './tenants.facade';

/** Archived tenants keep their history readable but start no new runs and make no Graph calls. Idempotent. */
@Injectable()
export class ArchiveTenantUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditFacade,
    private readonly graph: GraphClientFactory,
  ) {}

  async execute(actor: AuthenticatedUser, tenantId: string, requestId?: string): Promise<TenantEntity> {
    const tenant = await this.dataSource.transaction(async (manager) => {
      const current = await lockTenant(manager, tenantId);
      if (current.status === 'archived') return current;
      await manager.update(TenantEntity, { id: tenantId }, { status: 'archived', archivedAt: new Date() });
      await this.audit.record(
        {
          actor: { id: actor.id, upn: actor.upn },
          tenantId,
          action: 'tenant.archived',
          target: { type: 'tenant', id: tenantId },
          requestId,
        },
        manager,
      );
      return manager.findOneByOrFail(TenantEntity, { id: tenantId });
    });
    this.graph.evictConnection(connectionKeyOf(tenant));
    return tenant;
  }
}
