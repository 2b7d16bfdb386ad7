/**
 * An item row belongs to an item set, which any number of backups reference. Where an item is read without a backup
 * to read it in (`backupItem(id)` without `backupId`, `diffBackupItems`, compare-live, `findItem`), its `backupId` is
 * the **oldest existing backup that holds it** — the backup that wrote its set, or, once retention pruned that one,
 * the next. Reads within a backup (`backupItems`, `itemsOf`) use that backup.
 *
 * A lateral join that yields `owner.backup_id` for an item aliased `i`.
 */
export const OWNER_JOIN = `
  LEFT JOIN LATERAL (
    SELECT r.backup_id FROM backup_set_refs r JOIN backups b ON b.id = r.backup_id
     WHERE r.set_id = i.set_id ORDER BY b.created_at, b.id LIMIT 1
  ) owner ON true`;
