import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CredentialCipher } from '../../../infrastructure/crypto';
import { GraphClientFactory } from '../../../infrastructure/graph';
import { AuditFacade } from '../../audit';
import { TenantEntity } from '../domain/tenant.entity';
import { credentialFromInput, type CredentialInputValues } from './credential-input';
import { assertActive, lockTenant } from './lock-tenant';
import { connectionKeyOf } from './tenants.facade';

/** Replaces a tenant's credential (and optionally its app's client id); bumps the connection key so no stale token is reused. */
@Injectable()
export class UpdateTenantCredentialsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CredentialCipher,
    private readonly audit: AuditFacade,
    private readonly graph: GraphClientFactory,
  ) {}

  async execute(
    actor: AuthenticatedUser,
    input: CredentialInputValues & { tenantId: string; clientId?: string | null },
    requestId?: string,
  ): Promise<TenantEntity> {
    const { plaintext, expiresAt } = credentialFromInput(input);
    let previousKey = '';
    const updated = await this.dataSource.transaction(async (manager) => {
      const tenant = assertActive(await lockTenant(manager, input.tenantId));
      previousKey = connectionKeyOf(tenant);
      const sealed = this.cipher.seal(JSON.stringify(plaintext), tenant.id);
      const clientId = input.clientId ? input.clientId.toLowerCase() : tenant.clientId;
      await manager.update(
        TenantEntity,
        { id: tenant.id },
        {
          clientId,
          credentialKind: plaintext.kind,
          credentialKeyId: sealed.keyId,
          credentialCiphertext: sealed.ciphertext,
          credentialVersion: tenant.credentialVersion + 1,
          credentialSetAt: new Date(),
          credentialExpiresAt: expiresAt,
        },
      );
      await this.audit.record(
        {
          actor: { id: actor.id, upn: actor.upn },
          tenantId: tenant.id,
          action: 'tenant.credentials_changed',
          target: { type: 'tenant', id: tenant.id },
          metadata: {
            credentialKind: plaintext.kind,
            credentialExpiresAt: expiresAt,
            clientIdChanged: clientId !== tenant.clientId,
          },
          requestId,
        },
        manager,
      );
      return manager.findOneByOrFail(TenantEntity, { id: tenant.id });
    });
    this.graph.evictConnection(previousKey);
    return updated;
  }
}
