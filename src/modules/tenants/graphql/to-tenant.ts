import type { TenantRole } from '../../../infrastructure/access';
import type { TenantEntity } from '../domain/tenant.entity';
import { type CredentialKindValue, type Tenant, type TenantStatusValue } from './tenant.type';
import type { TenantRoleValue } from '../../../infrastructure/access';

/** Entity → API shape. Lists the credential's kind and dates only: the ciphertext is not even loaded. */
export function toTenant(row: TenantEntity, myRole: TenantRole): Tenant {
  const caps = row.capabilities;
  return {
    id: row.id,
    entraTenantId: row.entraTenantId,
    displayName: row.displayName,
    clientId: row.clientId,
    status: row.status as TenantStatusValue,
    archivedAt: row.archivedAt,
    credential: {
      kind: row.credentialKind as CredentialKindValue,
      setAt: row.credentialSetAt,
      expiresAt: row.credentialExpiresAt,
    },
    grantedPermissions: row.grantedPermissions,
    capabilities: caps
      ? {
          types: Object.entries(caps.types).map(([typeKey, c]) => ({
            typeKey,
            canRead: c.canRead,
            canWrite: c.canWrite,
          })),
          canReadGroups: caps.canReadGroups,
          canSearchGroups: caps.canSearchGroups,
        }
      : null,
    verification: row.verification
      ? {
          ...row.verification,
          at: new Date(row.verification.at),
          runId: row.verification.runId ?? null,
          organizationName: row.verification.organizationName ?? null,
        }
      : null,
    myRole: myRole as TenantRoleValue,
    createdAt: row.createdAt,
  };
}
