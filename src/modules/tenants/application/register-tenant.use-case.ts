import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CredentialCipher } from '../../../infrastructure/crypto';
import { ConflictError } from '../../../shared/app-errors';
import { AuditFacade } from '../../audit';
import { TenantEntity } from '../domain/tenant.entity';
import { credentialFromInput, type CredentialInputValues } from './credential-input';

export interface RegisterTenantValues extends CredentialInputValues {
  entraTenantId: string;
  displayName: string;
  clientId: string;
}

/** Registers a tenant connection with its sealed credential; the row and its audit entry commit together. */
@Injectable()
export class RegisterTenantUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CredentialCipher,
    private readonly audit: AuditFacade,
  ) {}

  async execute(actor: AuthenticatedUser, input: RegisterTenantValues, requestId?: string): Promise<TenantEntity> {
    const { plaintext, expiresAt } = credentialFromInput(input);
    const id = randomUUID(); // known before the insert: the sealed credential is bound to it
    const sealed = this.cipher.seal(JSON.stringify(plaintext), id);
    const entraTenantId = input.entraTenantId.toLowerCase();
    try {
      return await this.dataSource.transaction(async (manager) => {
        // Checked first so the usual duplicate is a clean CONFLICT; the unique index still decides races.
        if (await manager.existsBy(TenantEntity, { entraTenantId })) throw duplicate(entraTenantId);
        const tenant = manager.create(TenantEntity, {
          id,
          entraTenantId,
          displayName: input.displayName.trim(),
          clientId: input.clientId.toLowerCase(),
          status: 'active',
          archivedAt: null,
          credentialKind: plaintext.kind,
          credentialKeyId: sealed.keyId,
          credentialCiphertext: sealed.ciphertext,
          credentialVersion: 1,
          credentialSetAt: new Date(),
          credentialExpiresAt: expiresAt,
        });
        await manager.insert(TenantEntity, tenant);
        await this.audit.record(
          {
            actor: { id: actor.id, upn: actor.upn },
            tenantId: id,
            action: 'tenant.registered',
            target: { type: 'tenant', id },
            metadata: {
              entraTenantId,
              clientId: tenant.clientId,
              displayName: tenant.displayName,
              credentialKind: plaintext.kind,
              credentialExpiresAt: expiresAt,
            },
            requestId,
          },
          manager,
        );
        return manager.findOneByOrFail(TenantEntity, { id });
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === '23505') {
        throw duplicate(entraTenantId);
      }
      throw error;
    }
  }
}

function duplicate(entraTenantId: string): ConflictError {
  return new ConflictError(`Entra tenant ${entraTenantId} is already registered`, 'entraTenantId');
}
