import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { CredentialCipher } from '../../../infrastructure/crypto';
import type { TenantGraphConnection } from '../../../infrastructure/graph';
import { TenantDirectory } from '../../rbac';
import { isUuid } from '../../../shared/uuid';
import { TenantEntity } from '../domain/tenant.entity';
import type { CredentialPlaintext } from '../domain/tenant-credential';

/**
 * The tenants module's read surface for others (and the TenantDirectory port rbac needs). The only code that opens a
 * sealed credential: it leaves here as a TenantGraphConnection for the Graph layer and goes nowhere else.
 */
@Injectable()
export class TenantsFacade implements TenantDirectory {
  constructor(
    @InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>,
    private readonly cipher: CredentialCipher,
  ) {}

  async exists(tenantId: string): Promise<boolean> {
    return isUuid(tenantId) && (await this.tenants.existsBy({ id: tenantId }));
  }

  async existing(tenantIds: string[]): Promise<Set<string>> {
    const ids = tenantIds.filter(isUuid);
    if (ids.length === 0) return new Set();
    const rows = await this.tenants.find({ where: { id: In(ids) }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  }

  async isArchived(tenantId: string): Promise<boolean> {
    const row = await this.tenants.findOne({ where: { id: tenantId }, select: { id: true, status: true } });
    return row?.status === 'archived';
  }

  async connectionFor(tenantId: string): Promise<TenantGraphConnection | null> {
    if (!isUuid(tenantId)) return null;
    const row = await this.tenants
      .createQueryBuilder('t')
      .addSelect('t.credentialCiphertext')
      .where('t.id = :tenantId', { tenantId })
      .getOne();
    if (!row || row.status === 'archived') return null;
    const credential = JSON.parse(
      this.cipher.open({ keyId: row.credentialKeyId, ciphertext: row.credentialCiphertext }, row.id),
    ) as CredentialPlaintext;
    return {
      connectionKey: connectionKeyOf(row),
      entraTenantId: row.entraTenantId,
      clientId: row.clientId,
      credential:
        credential.kind === 'secret'
          ? { kind: 'secret', secret: credential.secret }
          : {
              kind: 'certificate',
              privateKeyPem: credential.privateKeyPem,
              thumbprintSha256: credential.thumbprintSha256,
            },
    };
  }
}

export function connectionKeyOf(tenant: Pick<TenantEntity, 'id' | 'credentialVersion'>): string {
  return `${tenant.id}:v${tenant.credentialVersion}`;
}
