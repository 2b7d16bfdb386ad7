import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ArchiveRejectedError } from '../../domain/archive-rejection';

/** An upload written to a private temp folder; `discard` removes it (call it in a `finally`). */
export interface SpooledUpload {
  path: string;
  bytes: number;
  discard(): Promise<void>;
}

/**
 * Writes an upload body to disk, because a `.zip` is read from its end (the central directory) and holding it in
 * memory would cost its size per concurrent upload. The byte count is enforced on what arrives, whatever
 * Content-Length claimed; over the cap the body stops being read and the file is removed.
 */
export async function spoolUpload(body: Readable, maxBytes: number, field: string): Promise<SpooledUpload> {
  const dir = await mkdtemp(join(tmpdir(), 'tenantatlas-import-'));
  const path = join(dir, 'upload.zip');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        done(
          new ArchiveRejectedError(
            'ARCHIVE_TOO_LARGE',
            `The upload is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`,
            field,
          ),
        );
      } else done(null, chunk);
    },
  });
  const discard = () => rm(dir, { recursive: true, force: true });
  try {
    await pipeline(body, counter, createWriteStream(path, { mode: 0o600 }));
  } catch (err) {
    await discard();
    if (err instanceof ArchiveRejectedError) throw err;
    throw new ArchiveRejectedError('NOT_A_ZIP', 'The upload ended before it was complete', field);
  }
  return { path, bytes, discard };
}
