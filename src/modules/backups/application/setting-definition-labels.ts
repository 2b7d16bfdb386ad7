import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { GraphClient } from '../../../infrastructure/graph';

/** Definition ids are Graph identifiers (letters, digits, `_ . { } ~ -`); anything else is never sent to Graph. */
const DEFINITION_ID = /^[A-Za-z0-9_.{}~-]{1,400}$/;

/**
 * The label cache of settings catalog setting definitions: `GET /beta/deviceManagement/configurationSettings/{id}`
 * once per definition id a backup actually saw (in `$batch`es of 20), kept for good. The diff reads it from the
 * database only. Filled by the backup run (`remember`), which holds the tenant's Graph client.
 */
@Injectable()
export class SettingDefinitionLabels {
  private readonly logger = new Logger(SettingDefinitionLabels.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Fetches and stores the labels of the ids not cached yet; returns how many it stored. A definition Graph does
   * not know (404) is stored without a name, so it is not asked again; other failures are left for the next backup.
   */
  async remember(client: GraphClient, ids: Iterable<string>): Promise<number> {
    const wanted = [...new Set(ids)].filter((id) => DEFINITION_ID.test(id));
    if (wanted.length === 0) return 0;
    const known = await this.db.query<Array<{ definition_id: string }>>(
      `SELECT definition_id FROM setting_definition_labels WHERE definition_id = ANY($1::text[])`,
      [wanted],
    );
    const cached = new Set(known.map((r) => r.definition_id));
    const missing = wanted.filter((id) => !cached.has(id));
    if (missing.length === 0) return 0;
    const responses = await client.batch(
      missing.map((id, i) => ({
        id: String(i),
        method: 'GET' as const,
        url: `/deviceManagement/configurationSettings/${encodeURIComponent(id)}?$select=id,displayName`,
      })),
      { version: 'beta' },
    );
    const rows: Array<{ id: string; name: string | null }> = [];
    responses.forEach((res, i) => {
      const body = res.body as { displayName?: unknown } | undefined;
      if (res.status === 200 && typeof body?.displayName === 'string' && body.displayName.trim())
        rows.push({ id: missing[i], name: body.displayName.trim() });
      else if (res.status === 404) rows.push({ id: missing[i], name: null });
    });
    const skipped = missing.length - rows.length;
    if (skipped > 0) this.logger.debug(`${skipped} setting definition label(s) not fetched; next backup retries`);
    if (rows.length === 0) return 0;
    await this.db.query(
      `INSERT INTO setting_definition_labels (definition_id, display_name)
       SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (definition_id) DO NOTHING`,
      [rows.map((r) => r.id), rows.map((r) => r.name)],
    );
    return rows.length;
  }

  /** The cached display names of these ids (ids without a known name are absent). */
  async labels(ids: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    if (wanted.length === 0) return new Map();
    const rows = await this.db.query<Array<{ definition_id: string; display_name: string }>>(
      `SELECT definition_id, display_name FROM setting_definition_labels
       WHERE definition_id = ANY($1::text[]) AND display_name IS NOT NULL`,
      [wanted],
    );
    return new Map(rows.map((r) => [r.definition_id, r.display_name]));
  }
}
