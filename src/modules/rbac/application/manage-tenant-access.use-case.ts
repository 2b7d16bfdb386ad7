import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { NotFoundError } from '../../../shared/app-errors';
import { AuditFacade } from '../../audit';
import { TenantMembershipEntity } from '../domain/tenant-membership.entity';
import type { TenantRole } from '../../../infrastructure/access';

/** Grants (or changes) a user's role on a tenant; the membership and its audit entry commit together. */
@Injectable()
export class GrantTenantAccessUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditFacade,
  ) {}

  async execute(
    actor: AuthenticatedUser,
    input: { tenantId: string; userUpn: string; role: TenantRole; requestId?: string },
  ): Promise<TenantMembershipEntity> {
    const upn = input.userUpn.trim().toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(TenantMembershipEntity);
      const existing = await repo.findOne({
        where: { tenantId: input.tenantId, userUpn: upn },
        lock: { mode: 'pessimistic_write' },
      });
      const saved = existing
        ? await repo.save({ ...existing, role: input.role })
        : await repo.save(
            repo.create({
              tenantId: input.tenantId,
              userUpn: upn,
              role: input.role,
              grantedBy: actor.id,
              userId: null,
              boundAt: null,
            }),
          );
      await this.audit.record(
        {
          actor: { id: actor.id, upn: actor.upn },
          tenantId: input.tenantId,
          action: 'access.granted',
          target: { type: 'tenant_membership', id: saved.id },
          metadata: { userUpn: upn, role: input.role, previousRole: existing?.role ?? null },
          requestId: input.requestId,
        },
        manager,
      );
      return saved;
    });
  }
}

/** Removes a user's membership; NOT_FOUND when they hold none on this tenant. */
@Injectable()
export class RevokeTenantAccessUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditFacade,
  ) {}

  async execute(
    actor: AuthenticatedUser,
    input: { tenantId: string; userUpn: string; requestId?: string },
  ): Promise<boolean> {
    const upn = input.userUpn.trim().toLowerCase();
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(TenantMembershipEntity);
      const existing = await repo.findOne({
        where: { tenantId: input.tenantId, userUpn: upn },
        lock: { mode: 'pessimistic_write' },
      });
      if (!existing) throw new NotFoundError('Membership', upn);
      await repo.delete({ id: existing.id });
      await this.audit.record(
        {
          actor: { id: actor.id, upn: actor.upn },
          tenantId: input.tenantId,
          action: 'access.revoked',
          target: { type: 'tenant_membership', id: existing.id },
          metadata: { userUpn: upn, role: existing.role, userId: existing.userId },
          requestId: input.requestId,
        },
        manager,
      );
      return true;
    });
  }
}
