import type { EntityManager } from 'typeorm';

/**
 * Opens the only door through the immutability triggers (migration 1764220000000): inside `manager`'s transaction,
 * DELETE on `backups`, `backup_items` and `backup_payloads` is allowed until it commits (`set_config(…, true)` is
 * transaction-local). Also takes the tenant's content lock exclusively, so no backup of that tenant can reuse a
 * payload row (ON CONFLICT DO NOTHING) that this transaction is about to delete.
 *
 * Callers: retention (`backup.prune`) and the cleanup of a failed backup. Order: items, then versions without items,
 * then payload rows no item references any more.
 */
export async function allowBackupDeletion(manager: EntityManager, tenantId: string): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('allowBackupDeletion needs a transaction');
  await manager.query(`SELECT set_config('tenantatlas.backup_deletion', 'on', true)`);
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [contentLockKey(tenantId)]);
}

/** Writers take this lock shared for the transaction that stores payloads and the items pointing to them. */
export function contentLockKey(tenantId: string): string {
  return `backup-content:${tenantId}`;
}

/** Deletes payload rows of a tenant that no backup item references (within an `allowBackupDeletion` transaction). */
export async function deleteUnreferencedPayloads(
  manager: EntityManager,
  tenantId: string,
  candidates?: readonly string[],
): Promise<number> {
  const [, deleted] = (await manager.query(
    `DELETE FROM backup_payloads p
      WHERE p.tenant_id = $1 AND ($2::text[] IS NULL OR p.sha256 = ANY($2::text[]))
        AND NOT EXISTS (SELECT 1 FROM backup_items i WHERE i.tenant_id = p.tenant_id AND i.payload_hash = p.sha256)
        AND NOT EXISTS (SELECT 1 FROM backup_items i WHERE i.tenant_id = p.tenant_id AND i.assignments_hash = p.sha256)`,
    [tenantId, candidates ? [...candidates] : null],
  )) as [unknown, number];
  return deleted;
}

/** Deletes versions of a tenant that no backup item points to any more. */
export async function deleteUnreferencedVersions(manager: EntityManager, tenantId: string): Promise<number> {
  const [, deleted] = (await manager.query(
    `DELETE FROM policy_versions v
      WHERE v.tenant_id = $1 AND NOT EXISTS (SELECT 1 FROM backup_items i WHERE i.version_id = v.id)`,
    [tenantId],
  )) as [unknown, number];
  return deleted;
}
