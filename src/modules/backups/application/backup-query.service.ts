import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { DataSource, Repository } from 'typeorm';
import { decodeCursor, toConnection, type ConnectionShape } from '../../../infrastructure/graphql/pagination';
import { Backup } from '../domain/backup.entity';
import { OWNER_JOIN } from './item-owner';

export interface BackupItemFilter {
  types?: string[] | null;
  search?: string | null;
  changedOnly?: boolean | null;
}

export interface BackupItemRow {
  id: string;
  backupId: string;
  tenantId: string;
  typeKey: string;
  sourceId: string;
  displayName: string;
  odataType: string | null;
  payloadHash: string;
  assignmentsHash: string;
  versionId: string;
  versionNumber: number;
  changed: boolean;
  needsSecretReentry: boolean;
  secretPaths: string[];
}

export interface PolicyVersionRow {
  id: string;
  tenantId: string;
  typeKey: string;
  sourceId: string;
  versionNumber: number;
  payloadHash: string;
  assignmentsHash: string;
  firstBackupId: string | null;
  latestItemId: string | null;
  createdAt: Date;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * `backupId`: the SQL expression of the backup the item is read in (`item-owner.ts`); `changed` means this backup is
 * the first to hold the item's version.
 */
const itemRow = (backupId: string) => `
  i.id, ${backupId} AS "backupId", i.tenant_id AS "tenantId", i.type_key AS "typeKey", i.source_id AS "sourceId",
  i.display_name AS "displayName", i.odata_type AS "odataType", i.payload_hash AS "payloadHash",
  i.assignments_hash AS "assignmentsHash", i.version_id AS "versionId", v.version_number AS "versionNumber",
  coalesce(v.first_backup_id = ${backupId}, false) AS changed, i.needs_secret_reentry AS "needsSecretReentry",
  i.secret_paths AS "secretPaths"`;

/** Reads of backups for the API: PostgreSQL only, never Graph. */
@Injectable()
export class BackupQueryService {
  constructor(
    @InjectRepository(Backup) private readonly backups: Repository<Backup>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  findBackup(id: string): Promise<Backup | null> {
    return this.backups.findOneBy({ id });
  }

  /** Newest first. */
  async listBackups(tenantId: string, first: number, after?: string | null): Promise<ConnectionShape<Backup>> {
    const query = this.backups.createQueryBuilder('b').where('b.tenant_id = :tenantId', { tenantId });
    if (after) {
      const [createdAt, id] = decodeCursor(after, ['timestamp', 'uuid']);
      query.andWhere('(b.created_at, b.id) < (:createdAt, :id)', { createdAt: new Date(createdAt), id });
    }
    const rows = await query
      .orderBy('b.created_at', 'DESC')
      .addOrderBy('b.id', 'DESC')
      .limit(first + 1)
      .getMany();
    return toConnection(
      rows,
      first,
      (r) => [r.createdAt.toISOString(), r.id],
      (r) => r,
    );
  }

  /** By type, then name (the listing index). */
  async listItems(
    backupId: string,
    filter: BackupItemFilter,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<BackupItemRow>> {
    const cursor = after ? decodeCursor(after, ['text', 'text', 'uuid']) : null;
    const rows: BackupItemRow[] = await this.db.query(
      `SELECT ${itemRow('r.backup_id')}
         FROM backup_set_refs r
         JOIN backup_items i ON i.set_id = r.set_id
         JOIN policy_versions v ON v.id = i.version_id
        WHERE r.backup_id = $1
          AND ($2::text[] IS NULL OR r.type_key = ANY($2::text[]))
          AND ($3::text IS NULL OR i.display_name ILIKE $3 ESCAPE '\\')
          AND (NOT $4::boolean OR v.first_backup_id = r.backup_id)
          AND ($5::text IS NULL OR (i.type_key, i.display_name, i.id) > ($5::text, $6::text, $7::uuid))
        ORDER BY i.type_key, i.display_name, i.id
        LIMIT $8`,
      [
        backupId,
        filter.types?.length ? filter.types : null,
        filter.search ? `%${escapeLike(filter.search)}%` : null,
        filter.changedOnly === true,
        cursor?.[0] ?? null,
        cursor?.[1] ?? null,
        cursor?.[2] ?? null,
        first + 1,
      ],
    );
    return toConnection(
      rows,
      first,
      (r) => [r.typeKey, r.displayName, r.id],
      (r) => r,
    );
  }

  /**
   * One item, read in `backupId` when given (null unless that backup holds it), else in the oldest existing backup
   * holding it (`item-owner.ts`).
   */
  async findItemRow(id: string, backupId?: string | null): Promise<BackupItemRow | null> {
    const [row]: BackupItemRow[] = backupId
      ? await this.db.query(
          `SELECT ${itemRow('r.backup_id')}
             FROM backup_items i
             JOIN backup_set_refs r ON r.set_id = i.set_id AND r.backup_id = $2
             JOIN policy_versions v ON v.id = i.version_id
            WHERE i.id = $1`,
          [id, backupId],
        )
      : await this.db.query(
          `SELECT ${itemRow('owner.backup_id')}
             FROM backup_items i ${OWNER_JOIN} JOIN policy_versions v ON v.id = i.version_id
            WHERE i.id = $1`,
          [id],
        );
    return row ?? null;
  }

  /** Newest version first. */
  async listVersions(
    tenantId: string,
    typeKey: string,
    sourceId: string,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<PolicyVersionRow>> {
    const before = after ? Number(decodeCursor(after, ['bigint'])[0]) : null;
    const rows: PolicyVersionRow[] = await this.db.query(
      `SELECT v.id, v.tenant_id AS "tenantId", v.type_key AS "typeKey", v.source_id AS "sourceId",
              v.version_number AS "versionNumber", v.payload_hash AS "payloadHash",
              v.assignments_hash AS "assignmentsHash", v.first_backup_id AS "firstBackupId", v.created_at AS "createdAt",
              (SELECT i.id FROM backup_items i
                 JOIN backup_set_refs r ON r.set_id = i.set_id JOIN backups b ON b.id = r.backup_id
                WHERE i.version_id = v.id ORDER BY b.created_at DESC, b.id DESC LIMIT 1) AS "latestItemId"
         FROM policy_versions v
        WHERE v.tenant_id = $1 AND v.type_key = $2 AND v.source_id = $3
          AND ($4::int IS NULL OR v.version_number < $4::int)
        ORDER BY v.version_number DESC
        LIMIT $5`,
      [tenantId, typeKey, sourceId, before, first + 1],
    );
    return toConnection(
      rows,
      first,
      (r) => [r.versionNumber],
      (r) => r,
    );
  }
}
