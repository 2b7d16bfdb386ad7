import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { ObservedGroup } from '../domain/observed-group';

/** Set-based writes of the directory cache. */
@Injectable()
export class DirectoryGroupsWriter {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async upsert(tenantId: string, runId: string, groups: ObservedGroup[]): Promise<void> {
    if (!groups.length) return;
    await this.db.query(
      `INSERT INTO directory_groups AS g
         (tenant_id, external_id, display_name, description, mail, security_enabled, mail_enabled, group_types,
          has_membership_rule, first_seen_at, last_seen_at, last_seen_run_id, deleted_at)
       SELECT $1, x."externalId", x."displayName", x.description, x.mail, x."securityEnabled", x."mailEnabled",
              ARRAY(SELECT jsonb_array_elements_text(x."groupTypes")), x."hasMembershipRule", now(), now(), $2, NULL
         FROM jsonb_to_recordset($3::jsonb) AS x("externalId" text, "displayName" text, description text, mail text,
              "securityEnabled" boolean, "mailEnabled" boolean, "groupTypes" jsonb, "hasMembershipRule" boolean)
       ON CONFLICT (tenant_id, external_id) DO UPDATE SET
         display_name = EXCLUDED.display_name, description = EXCLUDED.description, mail = EXCLUDED.mail,
         security_enabled = EXCLUDED.security_enabled, mail_enabled = EXCLUDED.mail_enabled, group_types = EXCLUDED.group_types,
         has_membership_rule = EXCLUDED.has_membership_rule, last_seen_at = EXCLUDED.last_seen_at,
         last_seen_run_id = EXCLUDED.last_seen_run_id, deleted_at = NULL`,
      [tenantId, runId, JSON.stringify(groups)],
    );
  }

  /** After a complete pass: groups Graph no longer returns are marked deleted (kept for old restore mappings). */
  async markDeleted(tenantId: string, runId: string): Promise<number> {
    const [, affected] = (await this.db.query(
      `UPDATE directory_groups SET deleted_at = now() WHERE tenant_id = $1 AND last_seen_run_id <> $2 AND deleted_at IS NULL`,
      [tenantId, runId],
    )) as [unknown, number];
    return affected;
  }
}
