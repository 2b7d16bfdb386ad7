import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { ConflictError, NotFoundError } from '../../../shared/app-errors';
import { AuditFacade } from '../../audit';
import { TenantMembershipEntity } from '../domain/tenant-membership.entity';
import type { TenantRole } from '../../../infrastructure/access';

/**
 * Locks the tenant's admin memberships (in id order, before any other membership row, so concurrent changes queue
 * instead of deadlocking) and refuses to take away the last one: a tenant that has admins keeps at least one. Two
 * concurrent revokes of the last two admins serialize here; the second sees one admin left and gets CONFLICT.
 */
async function assertKeepsAnAdmin(
  manager: EntityManager,
  tenantId: string,
  upn: string,
  losing: boolean,
): Promise<void> {
  const admins = await manager.getRepository(TenantMembershipEntity).find({
    where: { tenantId, role: 'admin' },
    order: { id: 'ASC' },
    lock: { mode: 'pessimistic_write' },
  });
  if (losing && admins.length === 1 && admins[0].userUpn === upn)
    throw new ConflictError(`${upn} is the tenant's last admin: grant another admin first`, 'userUpn');
}

/**
 * Grants (or changes) a user's role on a tenant; the membership and its audit entry commit together. Demoting the
 * last admin is refused (CONFLICT).
 */
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
      await assertKeepsAnAdmin(manager, input.tenantId, upn, input.role !== 'admin');
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

/** Removes a user's membership; NOT_FOUND when they hold none on this tenant, CONFLICT for the last admin. */
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
      await assertKeepsAnAdmin(manager, input.tenantId, upn, true);
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
