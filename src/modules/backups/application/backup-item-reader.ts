import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { BackupItemView } from './backup-views';
import { OWNER_JOIN } from './item-owner';

/** Rows per read when streaming a backup: bounded, so a 10,000-object backup streams in flat memory. */
const STREAM_PAGE = 200;

/**
 * `backupId`: the SQL expression of the backup the item is read in (see `item-owner.ts`).
 *
 * Bodies by primary-key subquery, not by join: right after a big backup or import the table statistics are stale
 * and the planner joined `backup_payloads` on `tenant_id` alone, scanning every payload of the tenant per item (an
 * export of a fresh 10,000-object backup did not finish its first page in minutes). A subquery on the full key is
 * one index lookup whatever the statistics say.
 */
const itemColumns = (backupId: string) => `
  i.id, ${backupId} AS "backupId", i.tenant_id AS "tenantId", i.type_key AS "typeKey", i.source_id AS "sourceId",
  i.display_name AS "displayName", i.odata_type AS "odataType",
  (SELECT p.body FROM backup_payloads p WHERE p.tenant_id = i.tenant_id AND p.sha256 = i.payload_hash) AS payload,
  (SELECT a.body FROM backup_payloads a WHERE a.tenant_id = i.tenant_id AND a.sha256 = i.assignments_hash) AS assignments,
  i.payload_hash AS "payloadHash", i.assignments_hash AS "assignmentsHash",
  i.needs_secret_reentry AS "needsSecretReentry", i.secret_paths AS "secretPaths", i.version_id AS "versionId"`;
/** Reads backup items with their raw content (the `json` columns come back parsed, key order kept). */
@Injectable()
export class BackupItemReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One item; `backupId` is the oldest existing backup holding it (`item-owner.ts`). */
  async findItem(itemId: string): Promise<BackupItemView | null> {
    const [row]: BackupItemView[] = await this.db.query(
      `SELECT ${itemColumns('owner.backup_id')} FROM backup_items i ${OWNER_JOIN} WHERE i.id = $1`,
      [itemId],
    );
    return row ?? null;
  }

  /**
   * Items of one backup by type, name and id: its item sets in type order, each page by page (keyset on the set's
   * listing index). An item id not in this backup's sets is not returned.
   */
  async *itemsOf(
    backupId: string,
    filter: { itemIds?: string[]; types?: string[] } = {},
  ): AsyncIterable<BackupItemView> {
    const sets: Array<{ set_id: string }> = await this.db.query(
      `SELECT set_id FROM backup_set_refs
        WHERE backup_id = $1 AND ($2::text[] IS NULL OR type_key = ANY($2::text[]))
        ORDER BY type_key`,
      [backupId, filter.types ?? null],
    );
    for (const { set_id: setId } of sets) {
      let after: [string, string] | null = null;
      for (;;) {
        const rows: BackupItemView[] = await this.db.query(
          `SELECT ${itemColumns('$1::uuid')} FROM backup_items i
            WHERE i.set_id = $2
              AND ($3::uuid[] IS NULL OR i.id = ANY($3::uuid[]))
              AND ($4::text IS NULL OR (i.display_name, i.id) > ($4::text, $5::uuid))
            ORDER BY i.display_name, i.id
            LIMIT ${STREAM_PAGE}`,
          [backupId, setId, filter.itemIds ?? null, after?.[0] ?? null, after?.[1] ?? null],
        );
        for (const row of rows) yield row;
        if (rows.length < STREAM_PAGE) break;
        const last = rows[rows.length - 1];
        after = [last.displayName, last.id];
      }
    }
  }
}
