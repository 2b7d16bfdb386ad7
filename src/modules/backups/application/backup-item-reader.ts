import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { BackupItemView } from './backup-views';

/** Rows per read when streaming a backup: bounded, so a 10,000-object backup streams in flat memory. */
const STREAM_PAGE = 200;

const ITEM_COLUMNS = `
  i.id, i.backup_id AS "backupId", i.tenant_id AS "tenantId", i.type_key AS "typeKey", i.source_id AS "sourceId",
  i.display_name AS "displayName", i.odata_type AS "odataType", p.body AS payload, a.body AS assignments,
  i.payload_hash AS "payloadHash", i.assignments_hash AS "assignmentsHash",
  i.needs_secret_reentry AS "needsSecretReentry", i.secret_paths AS "secretPaths", i.version_id AS "versionId"`;
const ITEM_JOINS = `
  JOIN backup_payloads p ON p.tenant_id = i.tenant_id AND p.sha256 = i.payload_hash
  JOIN backup_payloads a ON a.tenant_id = i.tenant_id AND a.sha256 = i.assignments_hash`;

/** Reads backup items with their raw content (the `json` columns come back parsed, key order kept). */
@Injectable()
export class BackupItemReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async findItem(itemId: string): Promise<BackupItemView | null> {
    const [row]: BackupItemView[] = await this.db.query(
      `SELECT ${ITEM_COLUMNS} FROM backup_items i ${ITEM_JOINS} WHERE i.id = $1`,
      [itemId],
    );
    return row ?? null;
  }

  /** Items of one backup by type, name and id, page by page (keyset, so each page is an index range). */
  async *itemsOf(
    backupId: string,
    filter: { itemIds?: string[]; types?: string[] } = {},
  ): AsyncIterable<BackupItemView> {
    let after: [string, string, string] | null = null;
    for (;;) {
      const rows: BackupItemView[] = await this.db.query(
        `SELECT ${ITEM_COLUMNS} FROM backup_items i ${ITEM_JOINS}
          WHERE i.backup_id = $1
            AND ($2::uuid[] IS NULL OR i.id = ANY($2::uuid[]))
            AND ($3::text[] IS NULL OR i.type_key = ANY($3::text[]))
            AND ($4::text IS NULL OR (i.type_key, i.display_name, i.id) > ($4::text, $5::text, $6::uuid))
          ORDER BY i.type_key, i.display_name, i.id
          LIMIT ${STREAM_PAGE}`,
        [
          backupId,
          filter.itemIds ?? null,
          filter.types ?? null,
          after?.[0] ?? null,
          after?.[1] ?? null,
          after?.[2] ?? null,
        ],
      );
      for (const row of rows) yield row;
      if (rows.length < STREAM_PAGE) return;
      const last = rows[rows.length - 1];
      after = [last.typeKey, last.displayName, last.id];
    }
  }
}
