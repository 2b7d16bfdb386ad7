import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { CredentialCipher } from '../../../infrastructure/crypto';
import { AuditFacade } from '../../audit';
import { TenantEntity } from '../domain/tenant.entity';

/**
 * Re-seals every tenant credential that is not under the current key: one row per transaction (row lock + audit
 * entry in the same transaction). Safe to re-run and to run beside live processes: plaintext and connection key stay
 * the same, only ciphertext and key id change.
 */
@Injectable()
export class RotateCredentialsUseCase {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: CredentialCipher,
    private readonly audit: AuditFacade,
  ) {}

  /** `only` limits the pass to some tenants (tests share one database with other apps); the command rotates all. */
  async execute(only?: string[]): Promise<{ rotated: number; alreadyCurrent: number }> {
    const rows = await this.dataSource
      .getRepository(TenantEntity)
      .find({ select: { id: true }, where: only ? { id: In(only) } : {} });
    let rotated = 0;
    for (const { id } of rows) if (await this.rotateOne(id)) rotated += 1;
    return { rotated, alreadyCurrent: rows.length - rotated };
  }

  private rotateOne(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const row = await manager
        .createQueryBuilder(TenantEntity, 't')
        .addSelect('t.credentialCiphertext')
        .setLock('pessimistic_write')
        .where('t.id = :id', { id })
        .getOne();
      if (!row || !this.cipher.needsRotation({ keyId: row.credentialKeyId })) return false;
      const sealed = this.cipher.seal(
        this.cipher.open({ keyId: row.credentialKeyId, ciphertext: row.credentialCiphertext }, row.id),
        row.id,
      );
      await manager.update(
        TenantEntity,
        { id },
        { credentialKeyId: sealed.keyId, credentialCiphertext: sealed.ciphertext },
      );
      await this.audit.record(
        {
          actor: { id: 'system:credentials-rotate' },
          tenantId: id,
          action: 'tenant.credentials_rotated',
          target: { type: 'tenant', id },
          metadata: { fromKeyId: row.credentialKeyId, toKeyId: sealed.keyId },
        },
        manager,
      );
      return true;
    });
  }
}
