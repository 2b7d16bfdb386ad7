import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { CredentialCipher } from '../../../infrastructure/crypto';
import type { TenantRegistry } from '../../../infrastructure/access';
import type { TenantCapabilities, TenantGraphConnection } from '../../../infrastructure/graph';
import { NotFoundError } from '../../../shared/app-errors';
import { isUuid } from '../../../shared/uuid';
import { TenantEntity } from '../domain/tenant.entity';
import type { CredentialPlaintext } from '../domain/tenant-credential';
import { tenantArchivedError, verificationFailedError } from './lock-tenant';

/** A tenant that may start work, as other modules see it. */
export interface ActiveTenant {
  id: string;
  displayName: string;
  entraTenantId: string;
  /** What the connection may read and write per type, as of its last verification (null: never verified). */
  capabilities: TenantCapabilities | null;
}

/**
 * The tenants module's read surface for others (and the TenantRegistry port of the platform access layer). The only
 * code that opens a sealed credential: it leaves here as a TenantGraphConnection for the Graph layer and goes nowhere
 * else.
 */
@Injectable()
export class TenantsFacade implements TenantRegistry {
  constructor(
    @InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>,
    private readonly cipher: CredentialCipher,
  ) {}

  /**
   * The one answer to "may this tenant start work?" (one query), for every start surface and schedule tick:
   * NOT_FOUND when it does not exist, CONFLICT when it is archived.
   */
  async requireActive(tenantId: string): Promise<ActiveTenant> {
    const row = isUuid(tenantId) ? await this.tenants.findOneBy({ id: tenantId }) : null;
    if (!row) throw new NotFoundError('Tenant', tenantId);
    if (row.status === 'archived') throw tenantArchivedError();
    return toActiveTenant(row);
  }

  /**
   * requireActive for work that reads or writes the tenant through Graph (syncs, backups, restores): also CONFLICT
   * when its last verification failed, with verify's own words, rather than a run that fails the same way.
   */
  async requireStartable(tenantId: string): Promise<ActiveTenant> {
    const row = isUuid(tenantId) ? await this.tenants.findOneBy({ id: tenantId }) : null;
    if (!row) throw new NotFoundError('Tenant', tenantId);
    if (row.status === 'archived') throw tenantArchivedError();
    if (row.verification?.status === 'failed') throw verificationFailedError(row.verification);
    return toActiveTenant(row);
  }

  /** requireActive without the errors: null when the tenant is gone or archived (schedule ticks). */
  async findActive(tenantId: string): Promise<ActiveTenant | null> {
    const row = isUuid(tenantId) ? await this.tenants.findOneBy({ id: tenantId, status: 'active' }) : null;
    return row ? toActiveTenant(row) : null;
  }

  async existing(tenantIds: readonly string[]): Promise<Set<string>> {
    const ids = tenantIds.filter(isUuid);
    if (ids.length === 0) return new Set();
    const rows = await this.tenants.find({ where: { id: In(ids) }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
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

function toActiveTenant(row: TenantEntity): ActiveTenant {
  return { id: row.id, displayName: row.displayName, entraTenantId: row.entraTenantId, capabilities: row.capabilities };
}

export function connectionKeyOf(tenant: Pick<TenantEntity, 'id' | 'credentialVersion'>): string {
  return `${tenant.id}:v${tenant.credentialVersion}`;
}
