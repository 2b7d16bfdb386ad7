import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import type { GraphTypeKey } from '../../../../infrastructure/graph';
import { exportFolderFor } from '../../domain/archive-folders';
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  EXPORT_MANIFEST_PATH,
  exportFileBody,
  type ExportManifest,
  type ExportManifestFile,
  type ExportManifestHeader,
} from '../../domain/export-manifest';
import { ExportPathAllocator } from '../../domain/export-paths';

/** What the writer needs of a backup item (a subset of the facade's `BackupItemView`). */
export interface ExportableItem {
  typeKey: string;
  sourceId: string;
  displayName: string;
  odataType: string | null;
  payload: Record<string, unknown>;
  assignments: unknown[];
  payloadHash: string;
  assignmentsHash: string;
  needsSecretReentry: boolean;
}

export interface ExportSummary {
  objectCount: number;
  bytesOfJson: number;
}

/**
 * Streams a backup as a `.zip` into `out`: one `<Type folder>/<displayName>.json` per object (IntuneManagement's
 * layout, assignments inline) and `manifest.json` last. Flat memory: an item is pulled from `items` only once the
 * zip has started writing the one before it, and the zip writes no faster than `out` drains, so a slow download
 * holds one object in memory, not the backup. What grows with the backup is one manifest line and one central
 * directory record per object (a few hundred bytes each).
 *
 * If `out` fails or closes early (client gone), the returned promise rejects and no further item is pulled.
 */
export async function writeBackupArchive(
  header: ExportManifestHeader,
  items: AsyncIterable<ExportableItem>,
  out: Writable,
  now: () => Date = () => new Date(),
): Promise<ExportSummary> {
  const zip = new ZipFile();
  const done = pipeline(zip.outputStream, out);
  let failure: unknown = null;
  const failed = done.then(
    () => {
      throw new Error('The archive output ended before the archive did');
    },
    (err: unknown) => {
      failure = err;
      throw err;
    },
  );
  failed.catch(() => undefined);

  const mtime = new Date(header.backupCreatedAt);
  const paths = new ExportPathAllocator();
  paths.reserve(EXPORT_MANIFEST_PATH);
  const files: ExportManifestFile[] = [];
  let bytesOfJson = 0;

  /** Resolves once yazl asks for this entry's data, i.e. every earlier entry is written. */
  const addEntry = (path: string, body: Buffer): Promise<void> =>
    new Promise<void>((resolve) => {
      zip.addReadStreamLazy(path, { mtime, size: body.length }, (cb) => {
        cb(null, Readable.from([body]));
        resolve();
      });
    });

  try {
    for await (const item of items) {
      if (failure) throw failure;
      const folder = exportFolderFor(item.typeKey as GraphTypeKey, item.odataType);
      const path = paths.allocate(folder, item.displayName, item.sourceId);
      const body = Buffer.from(exportFileBody(item.payload, item.assignments), 'utf8');
      bytesOfJson += body.length;
      files.push({
        path,
        typeKey: item.typeKey,
        sourceId: item.sourceId,
        displayName: item.displayName,
        payloadHash: item.payloadHash,
        assignmentsHash: item.assignmentsHash,
        needsSecretReentry: item.needsSecretReentry,
      });
      await Promise.race([addEntry(path, body), failed]);
    }
    const manifest: ExportManifest = {
      format: EXPORT_FORMAT,
      formatVersion: EXPORT_FORMAT_VERSION,
      ...header,
      exportedAt: now().toISOString(),
      objectCount: files.length,
      files,
    };
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), EXPORT_MANIFEST_PATH, { mtime });
    zip.end();
    await done;
  } catch (err) {
    (zip.outputStream as unknown as Readable).destroy();
    throw err;
  }
  return { objectCount: files.length, bytesOfJson };
}
