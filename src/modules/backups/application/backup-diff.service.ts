import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { TenantAccessService } from '../../../infrastructure/access';
import { BadUserInputError, NotFoundError } from '../../../shared/app-errors';
import { isUuid } from '../../../shared/uuid';
import { DirectoryFacade } from '../../directory';
import { compareBackupItems, type BackupItemRef, type ComparedObject } from '../domain/backup-comparison';
import { isJsonObject } from '../domain/natural-key';
import { diffPolicies, type DiffLookups, type DiffRow } from '../domain/policy-diff';
import { settingDefinitionIds } from '../domain/setting-definition-ids';
import { SettingDefinitionLabels } from './setting-definition-labels';

/** Objects of a backup diff that carry setting-level rows at most; the counts always cover all of them. */
export const MAX_DIFFED_OBJECTS = 500;

export interface DiffSide {
  itemId: string;
  backupId: string;
  tenantId: string;
  typeKey: string;
  sourceId: string;
  displayName: string;
  payloadHash: string;
  assignmentsHash: string;
}

export interface ItemDiff {
  left: DiffSide;
  right: DiffSide;
  payloadChanged: boolean;
  assignmentsChanged: boolean;
  rows: DiffRow[];
}

export interface ObjectDiff extends Omit<ComparedObject, 'left' | 'right'> {
  leftItemId: string | null;
  rightItemId: string | null;
  rows: DiffRow[];
}

export interface BackupDiff {
  leftBackupId: string;
  rightBackupId: string;
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
  objects: ObjectDiff[];
  /** True when more than MAX_DIFFED_OBJECTS objects differ: the list stops there, the counts do not. */
  truncated: boolean;
}

export interface LoadedItem extends DiffSide {
  payload: Record<string, unknown>;
  assignments: Record<string, unknown>[];
}

/** What lookups need of one side: whose directory to ask, and what to collect ids from. */
export type LookupSource = Pick<LoadedItem, 'tenantId' | 'payload' | 'assignments'>;

const SIDE_COLUMNS = `
  i.id AS "itemId", i.backup_id AS "backupId", i.tenant_id AS "tenantId", i.type_key AS "typeKey",
  i.source_id AS "sourceId", i.display_name AS "displayName", i.payload_hash AS "payloadHash",
  i.assignments_hash AS "assignmentsHash"`;

/**
 * Diffs of backups, from the database only: two items (`diffBackupItems`) or two whole backups (`diffBackups`, which
 * reads contents only for the objects whose hashes differ). Labels come from the setting definition cache, group
 * names from the directory cache of the tenant each side belongs to.
 */
@Injectable()
export class BackupDiffService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: TenantAccessService,
    private readonly labels: SettingDefinitionLabels,
    private readonly directory: DirectoryFacade,
  ) {}

  /** Two items of one type; NOT_FOUND (naming the id) unless the caller sees both tenants. */
  async diffItems(user: AuthenticatedUser, leftId: string, rightId: string): Promise<ItemDiff> {
    const [left, right] = await this.loadItems([leftId, rightId]);
    for (const [id, item] of [
      [leftId, left],
      [rightId, right],
    ] as const) {
      if (!item || !(await this.access.canSee(user, item.tenantId))) throw new NotFoundError('BackupItem', id);
    }
    if (left!.typeKey !== right!.typeKey)
      throw new BadUserInputError(
        `Items of different types cannot be compared (${left!.typeKey} and ${right!.typeKey})`,
        'rightId',
      );
    const lookups = await this.lookupsFor([[left!, right!]]);
    return {
      left: side(left!),
      right: side(right!),
      payloadChanged: left!.payloadHash !== right!.payloadHash,
      assignmentsChanged: left!.assignmentsHash !== right!.assignmentsHash,
      rows: this.rowsOf(left!, right!, lookups),
    };
  }

  /** Two completed backups: counts for all objects, rows for the changed ones (unchanged ones are never read). */
  async diffBackups(user: AuthenticatedUser, leftBackupId: string, rightBackupId: string): Promise<BackupDiff> {
    for (const id of [leftBackupId, rightBackupId]) {
      const tenantId = await this.backupTenant(id);
      if (!tenantId || !(await this.access.canSee(user, tenantId))) throw new NotFoundError('Backup', id);
    }
    const [leftRefs, rightRefs] = await Promise.all([this.refsOf(leftBackupId), this.refsOf(rightBackupId)]);
    const comparison = compareBackupItems(leftRefs, rightRefs);
    const listed = comparison.objects.slice(0, MAX_DIFFED_OBJECTS);
    const changed = listed.filter((o) => o.kind === 'changed');
    const loaded = new Map(
      (await this.loadItems(changed.flatMap((o) => [o.left!.itemId, o.right!.itemId]))).map((i) => [i!.itemId, i!]),
    );
    const pairs = changed.map((o) => [loaded.get(o.left!.itemId)!, loaded.get(o.right!.itemId)!] as const);
    const lookups = await this.lookupsFor(pairs);
    const rowsById = new Map(pairs.map(([l, r]) => [r.itemId, this.rowsOf(l, r, lookups)]));
    return {
      leftBackupId,
      rightBackupId,
      added: comparison.added,
      removed: comparison.removed,
      changed: comparison.changed,
      unchanged: comparison.unchanged,
      truncated: comparison.objects.length > listed.length,
      objects: listed.map(({ left, right, ...o }) => ({
        ...o,
        leftItemId: left?.itemId ?? null,
        rightItemId: right?.itemId ?? null,
        rows: o.kind === 'changed' ? (rowsById.get(right!.itemId) ?? []) : [],
      })),
    };
  }

  /** Rows of one pair; a side whose hash equals the other's is not diffed again (the canonical forms are equal). */
  rowsOf(left: LoadedItem, right: LoadedItem, lookups: DiffLookups): DiffRow[] {
    const samePayload = left.payloadHash === right.payloadHash;
    const sameAssignments = left.assignmentsHash === right.assignmentsHash;
    return diffPolicies(
      right.typeKey,
      { payload: samePayload ? {} : left.payload, assignments: sameAssignments ? [] : left.assignments },
      { payload: samePayload ? {} : right.payload, assignments: sameAssignments ? [] : right.assignments },
      lookups,
    );
  }

  /** Setting labels and group names for these pairs (each group id looked up in its own side's tenant). */
  async lookupsFor(pairs: ReadonlyArray<readonly [LookupSource, LookupSource]>): Promise<DiffLookups> {
    const definitionIds = new Set<string>();
    const groupIds = new Map<string, Set<string>>();
    for (const item of pairs.flat()) {
      settingDefinitionIds(item.payload, definitionIds);
      const ids = groupIds.get(item.tenantId) ?? new Set<string>();
      for (const a of item.assignments) {
        const groupId = isJsonObject(a.target) ? a.target.groupId : undefined;
        if (typeof groupId === 'string' && groupId) ids.add(groupId);
      }
      groupIds.set(item.tenantId, ids);
    }
    const labels = await this.labels.labels(definitionIds);
    const groupNames = new Map<string, string>();
    for (const [tenantId, ids] of groupIds) {
      if (ids.size === 0) continue;
      for (const g of await this.directory.groupsByIds(tenantId, [...ids])) groupNames.set(g.externalId, g.displayName);
    }
    return { settingLabel: (id) => labels.get(id), groupName: (id) => groupNames.get(id) };
  }

  async loadItems(ids: string[]): Promise<Array<LoadedItem | undefined>> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return ids.map(() => undefined);
    const rows: LoadedItem[] = await this.db.query(
      `SELECT ${SIDE_COLUMNS}, p.body AS payload, a.body AS assignments
         FROM backup_items i
         JOIN backup_payloads p ON p.tenant_id = i.tenant_id AND p.sha256 = i.payload_hash
         JOIN backup_payloads a ON a.tenant_id = i.tenant_id AND a.sha256 = i.assignments_hash
        WHERE i.id = ANY($1::uuid[])`,
      [valid],
    );
    const byId = new Map(rows.map((r) => [r.itemId, r]));
    return ids.map((id) => byId.get(id));
  }

  private async backupTenant(backupId: string): Promise<string | null> {
    if (!isUuid(backupId)) return null;
    const [row] = await this.db.query<Array<{ tenant_id: string }>>(
      `SELECT tenant_id FROM backups WHERE id = $1 AND status = 'completed'`,
      [backupId],
    );
    return row?.tenant_id ?? null;
  }

  private refsOf(backupId: string): Promise<BackupItemRef[]> {
    return this.db.query(
      `SELECT id AS "itemId", type_key AS "typeKey", source_id AS "sourceId", display_name AS name,
              payload_hash AS "payloadHash", assignments_hash AS "assignmentsHash"
         FROM backup_items WHERE backup_id = $1`,
      [backupId],
    );
  }
}

function side(item: LoadedItem): DiffSide {
  const { payload: _payload, assignments: _assignments, ...rest } = item;
  return rest;
}
