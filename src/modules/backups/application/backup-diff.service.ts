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
import { OWNER_JOIN } from './item-owner';
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
  secretPaths: string[];
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

/** `backupId`: the oldest existing backup holding the item (`item-owner.ts`). */
const SIDE_COLUMNS = `
  i.id AS "itemId", owner.backup_id AS "backupId", i.tenant_id AS "tenantId", i.type_key AS "typeKey",
  i.source_id AS "sourceId", i.display_name AS "displayName", i.payload_hash AS "payloadHash",
  i.assignments_hash AS "assignmentsHash", i.secret_paths AS "secretPaths"`;

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
    // PostgreSQL pairs the objects by source id and compares their hashes: only what differs leaves the database.
    const [differing, equalBySource] = await Promise.all([
      this.differingRefs(leftBackupId, rightBackupId),
      this.unchangedBySource(leftBackupId, rightBackupId),
    ]);
    const comparison = compareBackupItems(differing.left, differing.right);
    comparison.unchanged += equalBySource;
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
    const sideOf = (item: LoadedItem) => ({
      payload: samePayload ? {} : item.payload,
      assignments: sameAssignments ? [] : item.assignments,
      secretPaths: samePayload ? [] : item.secretPaths,
    });
    return diffPolicies(right.typeKey, sideOf(left), sideOf(right), lookups);
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

  /**
   * Items with their raw content. Two index reads, not one join: the items by id, then the bodies by their primary
   * key (tenant, hash), so the planner never scans the payload table however many items are asked for.
   */
  async loadItems(ids: string[]): Promise<Array<LoadedItem | undefined>> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return ids.map(() => undefined);
    const sides: DiffSide[] = await this.db.query(
      `SELECT ${SIDE_COLUMNS} FROM backup_items i ${OWNER_JOIN} WHERE i.id = ANY($1::uuid[])`,
      [valid],
    );
    const hashes = new Map<string, Set<string>>();
    for (const side of sides) {
      const set = hashes.get(side.tenantId) ?? new Set<string>();
      set.add(side.payloadHash).add(side.assignmentsHash);
      hashes.set(side.tenantId, set);
    }
    const bodies = new Map<string, unknown>();
    for (const [tenantId, set] of hashes) {
      const rows: Array<{ sha256: string; body: unknown }> = await this.db.query(
        `SELECT sha256, body FROM backup_payloads WHERE tenant_id = $1 AND sha256 = ANY($2::bpchar[])`,
        [tenantId, [...set]],
      );
      for (const row of rows) bodies.set(`${tenantId}:${row.sha256}`, row.body);
    }
    const byId = new Map(
      sides.map((side) => [
        side.itemId,
        {
          ...side,
          payload: bodies.get(`${side.tenantId}:${side.payloadHash}`) as Record<string, unknown>,
          assignments: bodies.get(`${side.tenantId}:${side.assignmentsHash}`) as Record<string, unknown>[],
        },
      ]),
    );
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

  /**
   * Items of either backup without an equal twin (same source id and both hashes) in the other backup's set of the
   * same type. A type whose set both backups share is skipped whole: nothing in it differs.
   */
  private async differingRefs(
    leftBackupId: string,
    rightBackupId: string,
  ): Promise<{ left: BackupItemRef[]; right: BackupItemRef[] }> {
    const query = `
      SELECT a.id AS "itemId", a.type_key AS "typeKey", a.source_id AS "sourceId", a.display_name AS name,
             a.payload_hash AS "payloadHash", a.assignments_hash AS "assignmentsHash"
        FROM backup_set_refs ar
        JOIN backup_items a ON a.set_id = ar.set_id
        LEFT JOIN backup_set_refs br ON br.backup_id = $2 AND br.type_key = ar.type_key
       WHERE ar.backup_id = $1 AND br.set_id IS DISTINCT FROM ar.set_id
         AND NOT EXISTS (SELECT 1 FROM backup_items b
                          WHERE b.set_id = br.set_id AND b.source_id = a.source_id
                            AND b.payload_hash = a.payload_hash AND b.assignments_hash = a.assignments_hash)`;
    const [left, right] = await Promise.all([
      this.db.query(query, [leftBackupId, rightBackupId]),
      this.db.query(query, [rightBackupId, leftBackupId]),
    ]);
    return { left, right };
  }

  /**
   * Objects with an equal twin (same type, source id and hashes) in the other backup: counted, never read. A shared
   * set counts whole from its row; only types whose sets differ are paired item by item.
   */
  private async unchangedBySource(leftBackupId: string, rightBackupId: string): Promise<number> {
    const [row] = await this.db.query<Array<{ n: number }>>(
      `SELECT (SELECT coalesce(sum(s.item_count), 0)
                 FROM backup_set_refs l
                 JOIN backup_set_refs r ON r.backup_id = $2 AND r.type_key = l.type_key AND r.set_id = l.set_id
                 JOIN backup_item_sets s ON s.id = l.set_id
                WHERE l.backup_id = $1)::int
            + (SELECT count(*)
                 FROM backup_set_refs l
                 JOIN backup_set_refs r ON r.backup_id = $2 AND r.type_key = l.type_key AND r.set_id <> l.set_id
                 JOIN backup_items li ON li.set_id = l.set_id
                 JOIN backup_items ri ON ri.set_id = r.set_id AND ri.source_id = li.source_id
                WHERE l.backup_id = $1
                  AND ri.payload_hash = li.payload_hash AND ri.assignments_hash = li.assignments_hash)::int AS n`,
      [leftBackupId, rightBackupId],
    );
    return row.n;
  }
}

function side(item: LoadedItem): DiffSide {
  const { payload: _payload, assignments: _assignments, ...rest } = item;
  return rest;
}
