import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { AuditFacade } from '../../audit';
import { TenantEntity } from '../domain/tenant.entity';
import { lockTenant } from './lock-tenant';

@Injectable()
export class RenameTenantUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditFacade,
  ) {}

  execute(actor: AuthenticatedUser, tenantId: string, displayName: string, requestId?: string): Promise<TenantEntity> {
    return this.dataSource.transaction(async (manager) => {
      const tenant = await lockTenant(manager, tenantId);
      const name = displayName.trim();
      await manager.update(TenantEntity, { id: tenant.id }, { displayName: name });
      await this.audit.record(
        {
          actor: { id: actor.id, upn: actor.upn },
          tenantId,
          action: 'tenant.renamed',
          target: { type: 'tenant', id: tenantId },
          metadata: { from: tenant.displayName, to: name },
          requestId,
        },
        manager,
      );
      return manager.findOneByOrFail(TenantEntity, { id: tenantId });
    });
  }
}
