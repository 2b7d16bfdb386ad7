import type { EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from '../../../shared/app-errors';
import { TenantEntity } from '../domain/tenant.entity';
import type { TenantVerification } from '../domain/tenant-verification';

/** Loads a tenant FOR UPDATE inside the caller's transaction (concurrent admin edits serialize). */
export async function lockTenant(manager: EntityManager, tenantId: string): Promise<TenantEntity> {
  const tenant = await manager.findOne(TenantEntity, { where: { id: tenantId }, lock: { mode: 'pessimistic_write' } });
  if (!tenant) throw new NotFoundError('Tenant', tenantId);
  return tenant;
}

export function assertActive(tenant: TenantEntity): TenantEntity {
  if (tenant.status === 'archived') throw tenantArchivedError();
  return tenant;
}

export function tenantArchivedError(): ConflictError {
  return new ConflictError(
    'The tenant is archived: its history stays readable, but it cannot be changed or start new work',
    'tenantId',
  );
}

export function verificationFailedError(verification: TenantVerification): ConflictError {
  const error = new ConflictError(
    `The tenant's last verification failed (${verification.code}): ${verification.message} Fix the connection, then verify the tenant again (verifyTenant) before starting work on it.`,
    'tenantId',
  );
  error.details.reason = 'verification_failed';
  error.details.verificationCode = verification.code;
  return error;
}
