import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { isGraphTypeKey } from '../../../infrastructure/graph';
import { BadUserInputError } from '../../../shared/app-errors';
import { isUuid } from '../../../shared/uuid';
import { OperationRunsFacade, type OperationRunView } from '../../operation-runs';
import { TenantsFacade } from '../../tenants';
import { Backup } from '../domain/backup.entity';
import { BackupItemReader } from './backup-item-reader';
import { BackupRecorder, type RecordOptions } from './backup-recorder';
import {
  toBackupView,
  type BackupItemView,
  type BackupView,
  type RecordBackupInput,
  type RecordedBackup,
  type SnapshotInput,
} from './backup-views';

export type { BackupItemView, BackupView, RecordBackupInput, RecordedBackup, SnapshotInput };

export interface StartBackupOptions {
  /** Limit the backup to these contract type keys (default: every readable type). */
  types?: string[] | null;
  /** Limit the backup to these Graph object ids. */
  itemIds?: string[] | null;
}

/**
 * The backups module's surface for other modules (restore reads backups only through it) and for the module's own
 * import and export: reads, the single writer `recordBackup`, and starting a `backup.create` run.
 */
@Injectable()
export class BackupsFacade {
  constructor(
    @InjectRepository(Backup) private readonly backups: Repository<Backup>,
    private readonly reader: BackupItemReader,
    private readonly recorder: BackupRecorder,
    private readonly runs: OperationRunsFacade,
    private readonly tenants: TenantsFacade,
  ) {}

  async findBackup(backupId: string): Promise<BackupView | null> {
    if (!isUuid(backupId)) return null;
    const row = await this.backups.findOneBy({ id: backupId });
    return row ? toBackupView(row) : null;
  }

  /** Streams a backup's items (payloads included) by type and name; memory stays flat whatever its size. */
  itemsOf(backupId: string, filter?: { itemIds?: string[]; types?: string[] }): AsyncIterable<BackupItemView> {
    if (!isUuid(backupId) || (filter?.itemIds ?? []).some((id) => !isUuid(id))) return emptyItems();
    return this.reader.itemsOf(backupId, filter);
  }

  findItem(itemId: string): Promise<BackupItemView | null> {
    return isUuid(itemId) ? this.reader.findItem(itemId) : Promise.resolve(null);
  }

  /**
   * The one way a backup is written (backup.create and import): snapshots are consumed in batches, content is stored
   * once per hash, versions advance where content changed. A snapshot stream that throws leaves a `failed` backup
   * with no items.
   */
  recordBackup(
    input: RecordBackupInput,
    items: AsyncIterable<SnapshotInput>,
    options?: RecordOptions,
  ): Promise<RecordedBackup> {
    return this.recorder.record(input, items, options);
  }

  /** Starts (or returns the already active) `backup.create` run of a tenant; `actor` null for a schedule tick. */
  async startBackup(
    actor: { id: string } | null,
    tenantId: string,
    opts: StartBackupOptions = {},
  ): Promise<{ run: OperationRunView; created: boolean }> {
    const unknown = (opts.types ?? []).filter((t) => !isGraphTypeKey(t));
    if (unknown.length) throw new BadUserInputError(`Unknown type key(s): ${unknown.join(', ')}`, 'types');
    await this.tenants.requireActive(tenantId);
    const context: { types?: string[]; itemIds?: string[] } = {};
    if (opts.types?.length) context.types = [...new Set(opts.types)];
    if (opts.itemIds?.length) context.itemIds = [...new Set(opts.itemIds)];
    return this.runs.start('backup.create', { tenantId, initiatorUserId: actor?.id ?? null, context });
  }
}

async function* emptyItems(): AsyncIterable<BackupItemView> {}
