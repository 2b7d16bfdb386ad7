import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ObservedItem } from '../domain/inventory-item.mapper';
import type { InventoryTypeStatus } from '../domain/inventory-type-state.entity';

/** Set-based writes of one sync pass: a page of items is one statement, whatever its size. */
@Injectable()
export class InventoryWriter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Upserts observed items; returns how many were new. Seeing an item clears its `missing_since`. */
  async upsert(tenantId: string, typeKey: string, runId: string, items: ObservedItem[]): Promise<number> {
    if (!items.length) return 0;
    const rows: Array<{ inserted: boolean }> = await this.db.query(
      `INSERT INTO inventory_items AS i
         (tenant_id, type_key, external_id, name, odata_type, platform, last_modified_at, version, scope_tag_ids, meta,
          first_seen_at, last_seen_at, last_seen_run_id, missing_since)
       SELECT $1, $2, x."externalId", x.name, x."odataType", x.platform, x."lastModifiedAt", x.version,
              ARRAY(SELECT jsonb_array_elements_text(x."scopeTagIds")), x.meta, now(), now(), $3, NULL
         FROM jsonb_to_recordset($4::jsonb) AS x("externalId" text, name text, "odataType" text, platform text,
              "lastModifiedAt" timestamptz, version text, "scopeTagIds" jsonb, meta jsonb)
       ON CONFLICT (tenant_id, type_key, external_id) DO UPDATE SET
         name = EXCLUDED.name, odata_type = EXCLUDED.odata_type, platform = EXCLUDED.platform,
         last_modified_at = EXCLUDED.last_modified_at, version = EXCLUDED.version, scope_tag_ids = EXCLUDED.scope_tag_ids,
         meta = EXCLUDED.meta, last_seen_at = EXCLUDED.last_seen_at, last_seen_run_id = EXCLUDED.last_seen_run_id,
         missing_since = NULL
       RETURNING (xmax = 0) AS inserted`,
      [tenantId, typeKey, runId, JSON.stringify(items)],
    );
    return rows.filter((r) => r.inserted).length;
  }

  /** After a complete pass of a type: what this run did not see is missing (since now, unless already missing). */
  async markMissing(tenantId: string, typeKey: string, runId: string): Promise<number> {
    const [, affected] = (await this.db.query(
      `UPDATE inventory_items SET missing_since = now()
        WHERE tenant_id = $1 AND type_key = $2 AND last_seen_run_id <> $3 AND missing_since IS NULL`,
      [tenantId, typeKey, runId],
    )) as [unknown, number];
    return affected;
  }

  async recordTypeState(
    tenantId: string,
    typeKey: string,
    runId: string,
    status: InventoryTypeStatus,
    reason: string | null,
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO inventory_type_states (tenant_id, type_key, status, reason, last_run_id, last_attempt_at, last_complete_sync_at)
       VALUES ($1, $2, $3, $4, $5, now(), CASE WHEN $3 = 'synced' THEN now() END)
       ON CONFLICT (tenant_id, type_key) DO UPDATE SET
         status = EXCLUDED.status, reason = EXCLUDED.reason, last_run_id = EXCLUDED.last_run_id,
         last_attempt_at = EXCLUDED.last_attempt_at,
         last_complete_sync_at = COALESCE(EXCLUDED.last_complete_sync_at, inventory_type_states.last_complete_sync_at)`,
      [tenantId, typeKey, status, reason, runId],
    );
  }
}
