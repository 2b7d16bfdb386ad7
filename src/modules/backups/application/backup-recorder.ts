import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool, PoolClient } from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { canonicalAssignments, canonicalPayload, contentHash } from '../domain/canonical-form';
import { itemSetHash, type ItemSetEntry } from '../domain/item-set-hash';
import { findSecretPlaceholders } from '../domain/secret-placeholders';
import type { Backup } from '../domain/backup.entity';
import {
  allowBackupDeletion,
  contentLockKey,
  deleteSetReferences,
  deleteUnreferencedPayloads,
  deleteUnreferencedVersions,
} from './backup-deletion';
import { toBackupView, type RecordBackupInput, type RecordedBackup, type SnapshotInput } from './backup-views';

/** Items per write transaction: bounded so memory stays flat and a transaction stays short. */
const BATCH_ITEMS = 100;
/**
 * …or fewer when the payloads are big (settings catalog with hundreds of settings): each batch's text exists three
 * times at once (the items, the joined parameter, the driver's buffer), so this bounds the writer's peak.
 */
const BATCH_BYTES = 1024 * 1024;
/** Item rows per INSERT when a new item set is written. */
const SET_INSERT_ROWS = 1000;

interface PreparedItem {
  typeKey: string;
  sourceId: string;
  displayName: string;
  odataType: string | null;
  payloadHash: string;
  payloadText: string;
  assignmentsHash: string;
  assignmentsText: string;
  secretPaths: string[];
}

export interface RecordOptions {
  /** Called after each written batch with the number of items written so far. */
  onProgress?: (written: number) => void;
}

/**
 * The single writer of backups: one `running` backup row, then the snapshots in batches (payload rows stored once per
 * content hash with ON CONFLICT DO NOTHING, a new version where the payload or assignments hash differs from the
 * latest), then per type the item set (plan › Item sets): the type's items sorted and hashed; a set with that hash
 * already stored for the tenant is referenced, else the set and its item rows are written. Then `completed` with the
 * counts. If the snapshots stop with an error, what this backup wrote is deleted again and the backup is `failed`:
 * never half a backup.
 *
 * Items are known only once their type is complete, so until then the backup holds them in memory (metadata only,
 * ~0.4 KB per object; the payload bodies are written batch by batch) and holds the tenant's content lock shared on
 * a dedicated connection: payload rows and versions it decided to reuse are not referenced by any item row yet, and
 * the deletion door (prune, another backup's cleanup) must not take them away meanwhile.
 */
@Injectable()
export class BackupRecorder {
  private readonly logger = new Logger(BackupRecorder.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(
    input: RecordBackupInput,
    snapshots: AsyncIterable<SnapshotInput>,
    options: RecordOptions = {},
  ): Promise<RecordedBackup> {
    const [created]: Backup[] = await this.db.query(
      `INSERT INTO backups (tenant_id, source, status, run_id, label) VALUES ($1, $2, 'running', $3, $4)
       RETURNING id`,
      [input.tenantId, input.source, input.runId ?? null, input.label ?? null],
    );
    const backupId = created.id;
    let contentLock: PoolClient | null = null;
    const state = {
      counts: {} as Record<string, number>,
      written: 0,
      secrets: 0,
      newPayloads: 0,
      newVersions: 0,
      seen: new Set<string>(),
      insertedHashes: new Set<string>(),
      pending: new Map<string, ItemSetEntry[]>(),
      newSets: 0,
    };
    try {
      contentLock = await this.lockContentShared(input.tenantId);
      let batch: PreparedItem[] = [];
      let bytes = 0;
      for await (const snapshot of snapshots) {
        const key = `${snapshot.typeKey}\u0000${snapshot.sourceId}`;
        if (state.seen.has(key)) continue;
        state.seen.add(key);
        const item = prepare(snapshot);
        batch.push(item);
        bytes += item.payloadText.length + item.assignmentsText.length;
        if (batch.length >= BATCH_ITEMS || bytes >= BATCH_BYTES) {
          await this.writeBatch(input.tenantId, backupId, batch, state);
          options.onProgress?.(state.written);
          batch = [];
          bytes = 0;
        }
      }
      if (batch.length) {
        await this.writeBatch(input.tenantId, backupId, batch, state);
        options.onProgress?.(state.written);
      }
      for (const typeKey of [...state.pending.keys()].sort()) {
        await this.writeItemSet(input.tenantId, backupId, typeKey, state.pending.get(typeKey)!, state);
        state.pending.delete(typeKey);
      }
      await this.unlockContent(contentLock, input.tenantId); // every reuse is referenced now
      contentLock = null;
      const [[row]]: [Backup[], number] = await this.db.query(
        `UPDATE backups SET status = 'completed', completed_at = now(), item_count = $2, counts_by_type = $3,
                needs_secret_reentry_count = $4, new_payload_count = $5, new_version_count = $6
          WHERE id = $1
          RETURNING id, tenant_id AS "tenantId", source, status, created_at AS "createdAt",
                    completed_at AS "completedAt", item_count AS "itemCount"`,
        [backupId, state.written, JSON.stringify(state.counts), state.secrets, state.newPayloads, state.newVersions],
      );
      return {
        ...toBackupView(row),
        countsByType: state.counts,
        needsSecretReentryCount: state.secrets,
        newPayloads: state.newPayloads,
        newVersions: state.newVersions,
        newItemSets: state.newSets,
      };
    } catch (error) {
      state.pending.clear();
      if (contentLock) await this.unlockContent(contentLock, input.tenantId); // the cleanup takes it exclusively
      contentLock = null;
      await this.discard(input.tenantId, backupId, [...state.insertedHashes]).catch((cleanupError: unknown) =>
        this.logger.error(`Could not discard failed backup ${backupId}: ${String(cleanupError)}`),
      );
      throw error;
    }
  }

  /** The tenant's content lock, shared, on a connection of its own held until `unlockContent`. */
  private async lockContentShared(tenantId: string): Promise<PoolClient> {
    const client: PoolClient = await ((this.db.driver as PostgresDriver).master as Pool).connect();
    try {
      await client.query(`SELECT pg_advisory_lock_shared(hashtextextended($1, 0))`, [contentLockKey(tenantId)]);
      return client;
    } catch (error) {
      client.release(error as Error);
      throw error;
    }
  }

  /** Unlocks and hands the connection back; if the unlock fails the connection is closed (never pooled locked). */
  private async unlockContent(client: PoolClient, tenantId: string): Promise<void> {
    try {
      await client.query(`SELECT pg_advisory_unlock_shared(hashtextextended($1, 0))`, [contentLockKey(tenantId)]);
    } catch (error) {
      this.logger.warn(`Closing a connection that may still hold ${contentLockKey(tenantId)}: ${String(error)}`);
      client.release(error as Error);
      return;
    }
    client.release();
  }

  /**
   * One type of this backup: its items as a set, referenced if the tenant already stores an identical one (an
   * unchanged type costs one row), else written with its item rows. One transaction under the shared content lock;
   * ON CONFLICT covers a concurrent writer (an import) storing the same set first.
   */
  private async writeItemSet(
    tenantId: string,
    backupId: string,
    typeKey: string,
    entries: ItemSetEntry[],
    state: { newSets: number },
  ): Promise<void> {
    const setHash = itemSetHash(entries);
    // No transaction-level content lock here: record() holds it for the whole backup, on its own connection (asked
    // again from this connection, it would queue behind a waiting deletion door that waits for record(): a deadlock).
    await this.db.transaction(async (tx) => {
      const existing = async (): Promise<string | undefined> =>
        (
          (await tx.query(`SELECT id FROM backup_item_sets WHERE tenant_id = $1 AND type_key = $2 AND set_hash = $3`, [
            tenantId,
            typeKey,
            setHash,
          ])) as Array<{ id: string }>
        )[0]?.id;
      let setId = await existing();
      if (!setId) {
        const [row]: Array<{ id: string }> = await tx.query(
          `INSERT INTO backup_item_sets (tenant_id, type_key, set_hash, item_count, first_backup_id)
           VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (tenant_id, type_key, set_hash) DO NOTHING
           RETURNING id`,
          [tenantId, typeKey, setHash, entries.length, backupId],
        );
        if (row) {
          setId = row.id;
          for (let i = 0; i < entries.length; i += SET_INSERT_ROWS)
            await insertItems(tx, tenantId, typeKey, setId, entries.slice(i, i + SET_INSERT_ROWS));
          state.newSets++;
        } else setId = await existing();
      }
      await tx.query(`INSERT INTO backup_set_refs (backup_id, type_key, set_id) VALUES ($1, $2, $3)`, [
        backupId,
        typeKey,
        setId,
      ]);
    });
  }

  private async writeBatch(
    tenantId: string,
    backupId: string,
    batch: PreparedItem[],
    state: {
      counts: Record<string, number>;
      written: number;
      secrets: number;
      newPayloads: number;
      newVersions: number;
      insertedHashes: Set<string>;
      pending: Map<string, ItemSetEntry[]>;
    },
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Versions are numbered per object: two writers of one tenant (a backup and an import) take turns.
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`backup-versions:${tenantId}`]);
      const inserted = await insertPayloads(tx, tenantId, batch);
      for (const hash of inserted) state.insertedHashes.add(hash);
      state.newPayloads += inserted.length;
      const versionIds = await this.resolveVersions(tx, tenantId, backupId, batch, state);
      batch.forEach((item, i) => {
        const entries = state.pending.get(item.typeKey) ?? [];
        entries.push({
          sourceId: item.sourceId,
          displayName: item.displayName,
          odataType: item.odataType,
          payloadHash: item.payloadHash,
          assignmentsHash: item.assignmentsHash,
          versionId: versionIds[i],
          secretPaths: item.secretPaths,
        });
        state.pending.set(item.typeKey, entries);
      });
    });
    for (const item of batch) {
      state.counts[item.typeKey] = (state.counts[item.typeKey] ?? 0) + 1;
      if (item.secretPaths.length) state.secrets++;
    }
    state.written += batch.length;
  }

  /** The version each item belongs to: the latest one when both hashes match it, else a new one (number + 1). */
  private async resolveVersions(
    tx: EntityManager,
    tenantId: string,
    backupId: string,
    batch: PreparedItem[],
    state: { newVersions: number },
  ): Promise<string[]> {
    const latest: Array<{
      id: string;
      type_key: string;
      source_id: string;
      version_number: number;
      payload_hash: string;
      assignments_hash: string;
    }> = await tx.query(
      `SELECT DISTINCT ON (v.type_key, v.source_id) v.id, v.type_key, v.source_id, v.version_number, v.payload_hash,
              v.assignments_hash
         FROM policy_versions v
         JOIN unnest($2::text[], $3::text[]) AS k(type_key, source_id)
           ON v.type_key = k.type_key AND v.source_id = k.source_id
        WHERE v.tenant_id = $1
        ORDER BY v.type_key, v.source_id, v.version_number DESC`,
      [tenantId, batch.map((i) => i.typeKey), batch.map((i) => i.sourceId)],
    );
    const byKey = new Map(latest.map((v) => [`${v.type_key}\u0000${v.source_id}`, v]));
    const ids: Array<string | null> = [];
    const fresh: Array<{ index: number; number: number }> = [];
    batch.forEach((item, index) => {
      const current = byKey.get(`${item.typeKey}\u0000${item.sourceId}`);
      if (current && current.payload_hash === item.payloadHash && current.assignments_hash === item.assignmentsHash) {
        ids.push(current.id);
      } else {
        ids.push(null);
        fresh.push({ index, number: (current?.version_number ?? 0) + 1 });
      }
    });
    if (fresh.length) {
      const rows: Array<{ id: string }> = await tx.query(
        `INSERT INTO policy_versions (tenant_id, type_key, source_id, version_number, payload_hash, assignments_hash,
                                      first_backup_id)
         SELECT $1, x.type_key, x.source_id, x.version_number, x.payload_hash, x.assignments_hash, $2
           FROM unnest($3::text[], $4::text[], $5::int[], $6::text[], $7::text[])
                WITH ORDINALITY AS x(type_key, source_id, version_number, payload_hash, assignments_hash, ord)
          ORDER BY x.ord
         RETURNING id`,
        [
          tenantId,
          backupId,
          fresh.map((f) => batch[f.index].typeKey),
          fresh.map((f) => batch[f.index].sourceId),
          fresh.map((f) => f.number),
          fresh.map((f) => batch[f.index].payloadHash),
          fresh.map((f) => batch[f.index].assignmentsHash),
        ],
      );
      // INSERT … SELECT … ORDER BY returns rows in insertion order.
      fresh.forEach((f, i) => (ids[f.index] = rows[i].id));
      state.newVersions += fresh.length;
    }
    return ids as string[];
  }

  /**
   * Backups a previous attempt of this run left `running` (its process died): discarded like a failed one, so a retry
   * starts clean. Payload rows they stored are unknown here, so every unreferenced row of the tenant goes.
   */
  async discardUnfinished(runId: string): Promise<number> {
    const rows: Array<{ id: string; tenantId: string }> = await this.db.query(
      `SELECT id, tenant_id AS "tenantId" FROM backups WHERE run_id = $1 AND status = 'running'`,
      [runId],
    );
    for (const row of rows) await this.discard(row.tenantId, row.id, null);
    return rows.length;
  }

  /**
   * Removes what a failed backup wrote (its set references, sets only it used with their items, versions it created,
   * payload rows only it used) and marks it failed.
   */
  private async discard(tenantId: string, backupId: string, insertedHashes: string[] | null): Promise<void> {
    await this.db.transaction(async (tx) => {
      await allowBackupDeletion(tx, tenantId);
      const { payloadHashes } = await deleteSetReferences(tx, [backupId]);
      await deleteUnreferencedVersions(tx, tenantId);
      if (insertedHashes) insertedHashes = [...new Set([...insertedHashes, ...payloadHashes])];
      if (insertedHashes === null) await deleteUnreferencedPayloads(tx, tenantId);
      else if (insertedHashes.length) await deleteUnreferencedPayloads(tx, tenantId, insertedHashes);
      await tx.query(`UPDATE backups SET status = 'failed', completed_at = now(), item_count = 0 WHERE id = $1`, [
        backupId,
      ]);
    });
  }
}

/** Hashes (canonical form) and serialises (raw form) one snapshot. */
function prepare(snapshot: SnapshotInput): PreparedItem {
  const assignments = snapshot.assignments ?? [];
  return {
    typeKey: snapshot.typeKey,
    sourceId: snapshot.sourceId,
    displayName: snapshot.displayName,
    odataType: snapshot.odataType,
    payloadHash: contentHash(canonicalPayload(snapshot.typeKey, snapshot.payload)),
    payloadText: JSON.stringify(snapshot.payload),
    assignmentsHash: contentHash(canonicalAssignments(assignments)),
    assignmentsText: JSON.stringify(assignments),
    secretPaths: findSecretPlaceholders(snapshot.typeKey, snapshot.payload),
  };
}

/** The item rows of a new set. */
async function insertItems(
  tx: EntityManager,
  tenantId: string,
  typeKey: string,
  setId: string,
  entries: ItemSetEntry[],
): Promise<void> {
  await tx.query(
    `INSERT INTO backup_items (set_id, tenant_id, type_key, source_id, display_name, odata_type, payload_hash,
                               assignments_hash, version_id, needs_secret_reentry, secret_paths)
     SELECT $1, $2, $3, x.source_id, x.display_name, x.odata_type, x.payload_hash, x.assignments_hash,
            x.version_id, jsonb_array_length(x.secret_paths) > 0,
            ARRAY(SELECT jsonb_array_elements_text(x.secret_paths))
       FROM jsonb_to_recordset($4::jsonb) AS x(source_id text, display_name text, odata_type text,
            payload_hash text, assignments_hash text, version_id uuid, secret_paths jsonb)`,
    [
      setId,
      tenantId,
      typeKey,
      JSON.stringify(
        entries.map((e) => ({
          source_id: e.sourceId,
          display_name: e.displayName,
          odata_type: e.odataType,
          payload_hash: e.payloadHash,
          assignments_hash: e.assignmentsHash,
          version_id: e.versionId,
          secret_paths: e.secretPaths,
        })),
      ),
    ],
  );
}

/** Stores each distinct content once; returns the hashes this call inserted (the others already existed). */
async function insertPayloads(tx: EntityManager, tenantId: string, batch: PreparedItem[]): Promise<string[]> {
  const rows = new Map<string, { kind: 'payload' | 'assignments'; text: string }>();
  for (const item of batch) {
    if (!rows.has(item.payloadHash)) rows.set(item.payloadHash, { kind: 'payload', text: item.payloadText });
    if (!rows.has(item.assignmentsHash))
      rows.set(item.assignmentsHash, { kind: 'assignments', text: item.assignmentsText });
  }
  // One `json` parameter assembled from the serialised bodies: `json_to_recordset` hands each `json` field over as the
  // very text it was given (no re-serialisation, no array-literal escaping of megabytes), and the `json` column keeps
  // that text: key order and number spelling survive for restore.
  const records = [...rows].map(
    ([sha256, { kind, text }]) => `{"sha256":${JSON.stringify(sha256)},"kind":"${kind}","body":${text}}`,
  );
  const inserted: Array<{ sha256: string }> = await tx.query(
    `INSERT INTO backup_payloads (tenant_id, sha256, kind, body, bytes)
     SELECT $1, x.sha256, x.kind, x.body, octet_length(x.body::text)
       FROM json_to_recordset($2::json) AS x(sha256 text, kind text, body json)
     ON CONFLICT (tenant_id, sha256) DO NOTHING
     RETURNING sha256`,
    [tenantId, `[${records.join(',')}]`],
  );
  return inserted.map((r) => r.sha256);
}
