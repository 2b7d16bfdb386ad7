import type { EntityManager } from 'typeorm';

/**
 * Opens the only door through the immutability triggers (migrations 1764220000000, 1764240000000): inside `manager`'s
 * transaction, DELETE on `backups`, `backup_set_refs`, `backup_item_sets`, `backup_items` and `backup_payloads` is
 * allowed until it commits (`set_config(…, true)` is
 * transaction-local). Also takes the tenant's content lock exclusively, so no backup of that tenant can reuse a
 * payload row (ON CONFLICT DO NOTHING) that this transaction is about to delete.
 *
 * Callers: retention (`backup.prune`) and the cleanup of a failed backup. Order: the backups' set references
 * (`deleteSetReferences`, which also deletes sets no backup references any more, with their items), then versions
 * without items, then payload rows no item references any more.
 */
export async function allowBackupDeletion(manager: EntityManager, tenantId: string): Promise<void> {
  if (!manager.queryRunner?.isTransactionActive) throw new Error('allowBackupDeletion needs a transaction');
  await manager.query(`SELECT set_config('tenantatlas.backup_deletion', 'on', true)`);
  await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [contentLockKey(tenantId)]);
}

/**
 * The recorder holds this lock shared for a whole backup (payloads and versions it reuses are referenced by item rows
 * only when its item sets are written at the end); the deletion door takes it exclusively.
 */
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

/**
 * Deletes the set references of these backups, then the sets among the ones they referenced that no backup references
 * any more, with their item rows (within an `allowBackupDeletion` transaction). A set another backup still references
 * stays. Returns the content hashes the deleted items pointed to: the candidates for `deleteUnreferencedPayloads`.
 */
export async function deleteSetReferences(
  manager: EntityManager,
  backupIds: readonly string[],
): Promise<{ deletedSets: number; deletedItems: number; payloadHashes: string[] }> {
  // DELETE … RETURNING answers [rows, count] through TypeORM.
  const [refs] = (await manager.query(
    `DELETE FROM backup_set_refs WHERE backup_id = ANY($1::uuid[]) RETURNING set_id`,
    [[...backupIds]],
  )) as [Array<{ set_id: string }>, number];
  const candidates = [...new Set(refs.map((r) => r.set_id))];
  if (candidates.length === 0) return { deletedSets: 0, deletedItems: 0, payloadHashes: [] };
  const orphans: Array<{ id: string }> = await manager.query(
    `SELECT s.id FROM backup_item_sets s
      WHERE s.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM backup_set_refs r WHERE r.set_id = s.id)`,
    [candidates],
  );
  const orphanIds = orphans.map((o) => o.id);
  if (orphanIds.length === 0) return { deletedSets: 0, deletedItems: 0, payloadHashes: [] };
  const [items] = (await manager.query(
    `DELETE FROM backup_items WHERE set_id = ANY($1::uuid[]) RETURNING payload_hash, assignments_hash`,
    [orphanIds],
  )) as [Array<{ payload_hash: string; assignments_hash: string }>, number];
  await manager.query(`DELETE FROM backup_item_sets WHERE id = ANY($1::uuid[])`, [orphanIds]);
  return {
    deletedSets: orphanIds.length,
    deletedItems: items.length,
    payloadHashes: [...new Set(items.flatMap((i) => [i.payload_hash, i.assignments_hash]))],
  };
}
