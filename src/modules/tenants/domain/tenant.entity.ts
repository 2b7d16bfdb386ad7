import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { TenantCapabilities } from '../../../infrastructure/graph';
import type { CredentialKind } from './tenant-credential';
import type { TenantVerification } from './tenant-verification';

/** A connected Intune tenant: who it is in Entra, how we sign in to it (sealed), and what the last verify found. */
@Entity({ name: 'tenants' })
export class TenantEntity {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'entra_tenant_id', type: 'uuid' }) entraTenantId: string;
  @Column({ name: 'display_name', type: 'varchar', length: 256 }) displayName: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId: string;
  @Column({ type: 'varchar', length: 16, default: 'active' }) status: 'active' | 'archived';
  @Column({ name: 'archived_at', type: 'timestamptz', nullable: true }) archivedAt: Date | null;
  @Column({ name: 'credential_kind', type: 'varchar', length: 16 }) credentialKind: CredentialKind;
  @Column({ name: 'credential_key_id', type: 'varchar', length: 32 }) credentialKeyId: string;
  /** Never selected by default: only TenantConnections opens it, right before a Graph call. */
  @Column({ name: 'credential_ciphertext', type: 'text', select: false }) credentialCiphertext: string;
  /** Part of the Graph connection key: new credentials → a new MSAL instance, never a stale cached token. */
  @Column({ name: 'credential_version', type: 'int', default: 1 }) credentialVersion: number;
  @Column({ name: 'credential_set_at', type: 'timestamptz' }) credentialSetAt: Date;
  @Column({ name: 'credential_expires_at', type: 'timestamptz', nullable: true }) credentialExpiresAt: Date | null;
  @Column({ name: 'granted_permissions', type: 'jsonb', nullable: true }) grantedPermissions: string[] | null;
  @Column({ type: 'jsonb', nullable: true }) capabilities: TenantCapabilities | null;
  @Column({ type: 'jsonb', nullable: true }) verification: TenantVerification | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
