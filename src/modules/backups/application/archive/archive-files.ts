import { lstat, readdir, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import * as yauzl from 'yauzl';
import { safeEntryPath } from '../../domain/archive-entry-name';
import { ArchiveRejectedError, type ArchiveLimits } from '../../domain/archive-rejection';

/** Where an import reads from: an uploaded or local `.zip`, or (CLI and demo only) a folder on the server. */
export type ArchiveSource = { kind: 'zip'; path: string } | { kind: 'directory'; path: string };

/** One file of the archive: a `.json` file's bytes, or another file, listed but never read. */
export type ArchiveFile = { path: string; bytes: Buffer } | { path: string; bytes: null };

/** Counts what has been read against the limits; every check is on bytes actually read. */
class ReadBudget {
  private entries = 0;
  private total = 0;

  constructor(
    private readonly limits: ArchiveLimits,
    private readonly field: string,
  ) {}

  entry(path: string): void {
    if (++this.entries > this.limits.maxEntries) {
      throw new ArchiveRejectedError(
        'TOO_MANY_FILES',
        `The archive has more than ${this.limits.maxEntries} entries`,
        this.field,
        path,
      );
    }
  }

  fileSize(path: string, bytes: number): void {
    if (bytes > this.limits.maxFileBytes) {
      throw new ArchiveRejectedError(
        'FILE_TOO_LARGE',
        `A file is larger than ${mb(this.limits.maxFileBytes)}`,
        this.field,
        path,
      );
    }
  }

  bytesRead(path: string, fileBytes: number, chunk: number): void {
    this.fileSize(path, fileBytes);
    this.total += chunk;
    if (this.total > this.limits.maxTotalBytes) {
      throw new ArchiveRejectedError(
        'TOO_MUCH_DATA',
        `The archive unpacks to more than ${mb(this.limits.maxTotalBytes)}`,
        this.field,
        path,
      );
    }
  }
}

const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
const isJsonName = (path: string): boolean => path.toLowerCase().endsWith('.json');

async function readCapped(path: string, stream: Readable, budget: ReadBudget): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  // Leaving the loop by a throw destroys the stream: an inflating bomb stops at the cap.
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    budget.bytesRead(path, size, chunk.length);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

/**
 * The files of a `.zip`, one at a time (entries are read lazily, so memory holds one file). Entry sizes in the
 * headers are not trusted: yauzl's own size check is off and every cap counts the inflated bytes as they come.
 */
async function* zipFiles(path: string, limits: ArchiveLimits, field: string): AsyncGenerator<ArchiveFile> {
  const size = await stat(path).then(
    (info) => info.size,
    () => {
      throw new ArchiveRejectedError('NOT_A_ZIP', 'No such file', field);
    },
  );
  if (size > limits.maxArchiveBytes) {
    throw new ArchiveRejectedError(
      'ARCHIVE_TOO_LARGE',
      `The archive is larger than ${mb(limits.maxArchiveBytes)}`,
      field,
    );
  }
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      lazyEntries: true,
      autoClose: true,
      decodeStrings: false,
      validateEntrySizes: false,
    });
  } catch {
    throw new ArchiveRejectedError('NOT_A_ZIP', 'The upload is not a readable .zip file', field);
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new ArchiveRejectedError('TOO_MANY_FILES', `The archive has more than ${limits.maxEntries} entries`, field);
  }
  const budget = new ReadBudget(limits, field);
  const entries = zip.eachEntry();
  try {
    for (;;) {
      let next: IteratorResult<yauzl.Entry>;
      try {
        next = await entries.next();
      } catch {
        throw new ArchiveRejectedError('NOT_A_ZIP', 'The .zip file is corrupt', field);
      }
      if (next.done) return;
      const entry = next.value;
      const rawName = yauzl.getFileNameLowLevel(
        entry.generalPurposeBitFlag,
        entry.fileName as unknown as Buffer,
        entry.extraFields,
        true, // keep `\` as written: safeEntryPath reads it as a separator and reports the name unchanged
      );
      const name = safeEntryPath(rawName);
      budget.entry(name ?? rawName);
      if (name === null)
        throw new ArchiveRejectedError('UNSAFE_PATH', 'An entry name leaves the archive', field, rawName);
      if (rawName.endsWith('/') || rawName.endsWith('\\') || !name) continue;
      if (!isJsonName(name)) {
        yield { path: name, bytes: null };
        continue;
      }
      if (entry.isEncrypted()) throw new ArchiveRejectedError('ENCRYPTED_ENTRY', 'An entry is encrypted', field, name);
      budget.fileSize(name, entry.uncompressedSize);
      let stream: Readable;
      try {
        stream = await zip.openReadStreamPromise(entry);
      } catch {
        throw new ArchiveRejectedError('NOT_A_ZIP', 'The .zip file is corrupt', field, name);
      }
      let bytes: Buffer;
      try {
        bytes = await readCapped(name, stream, budget);
      } catch (err) {
        if (err instanceof ArchiveRejectedError) throw err;
        throw new ArchiveRejectedError('NOT_A_ZIP', 'The .zip file is corrupt', field, name);
      }
      yield { path: name, bytes };
    }
  } finally {
    await entries.return?.(undefined);
    zip.close();
  }
}

/**
 * The files under a folder, depth first in name order. Symbolic links are refused (they are the folder form of
 * a path that leaves the archive); sizes are checked before and while reading.
 */
async function* directoryFiles(root: string, limits: ArchiveLimits, field: string): AsyncGenerator<ArchiveFile> {
  const budget = new ReadBudget(limits, field);
  async function* walk(dir: string, rel: string): AsyncGenerator<ArchiveFile> {
    const names = (await readdir(dir)).sort();
    for (const name of names) {
      const path = rel ? `${rel}/${name}` : name;
      budget.entry(path);
      const full = join(dir, name);
      const info = await lstat(full);
      if (info.isSymbolicLink())
        throw new ArchiveRejectedError('UNSAFE_PATH', 'A symbolic link in the folder', field, path);
      if (info.isDirectory()) {
        yield* walk(full, path);
      } else if (info.isFile()) {
        if (!isJsonName(name)) {
          yield { path, bytes: null };
          continue;
        }
        budget.fileSize(path, info.size);
        yield { path, bytes: await readCapped(path, createReadStream(full), budget) };
      }
    }
  }
  let info;
  try {
    info = await stat(root);
  } catch {
    throw new ArchiveRejectedError('NOT_A_ZIP', 'No such file or folder', field);
  }
  if (!info.isDirectory()) throw new ArchiveRejectedError('NOT_A_ZIP', 'Not a folder', field);
  yield* walk(root, '');
}

/** Every file of the source, `.json` files with their bytes, in archive (zip) or name (folder) order. */
export function archiveFiles(source: ArchiveSource, limits: ArchiveLimits, field: string): AsyncGenerator<ArchiveFile> {
  return source.kind === 'zip' ? zipFiles(source.path, limits, field) : directoryFiles(source.path, limits, field);
}
