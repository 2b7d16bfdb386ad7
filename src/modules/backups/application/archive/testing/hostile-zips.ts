import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ZipFile } from 'yazl';

export interface ZipEntrySpec {
  name: string;
  data: string | Buffer;
  compress?: boolean;
}

/** A `.zip` built in memory with yazl (what every well-formed archive looks like). */
export async function zipBuffer(entries: ZipEntrySpec[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const e of entries) {
    zip.addBuffer(Buffer.isBuffer(e.data) ? e.data : Buffer.from(e.data, 'utf8'), e.name, {
      compress: e.compress ?? true,
    });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/**
 * yazl refuses to write `../x` or `/x`, as it should; a hostile archive is made by writing a harmless name of the
 * same length and patching its bytes in both the local and the central header.
 */
export function renameEntry(zip: Buffer, harmless: string, hostile: string): Buffer {
  if (harmless.length !== hostile.length) throw new Error('names must have the same length');
  const out = Buffer.from(zip);
  const from = Buffer.from(harmless, 'utf8');
  let at = out.indexOf(from);
  if (at < 0) throw new Error(`${harmless} not found`);
  while (at >= 0) {
    out.write(hostile, at, 'utf8');
    at = out.indexOf(from, at + 1);
  }
  return out;
}

/** Makes the headers claim `claimed` uncompressed bytes for every entry (a bomb that lies about its size). */
export function understateSizes(zip: Buffer, claimed: number): Buffer {
  const out = Buffer.from(zip);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x04034b50) out.writeUInt32LE(claimed, i + 22); // local file header: uncompressed size
    if (sig === 0x02014b50) out.writeUInt32LE(claimed, i + 24); // central directory: uncompressed size
  }
  return out;
}

/** Writes a buffer to a fresh temp file and returns its path. */
export function tempFile(data: Buffer, name = 'archive.zip'): string {
  const path = join(mkdtempSync(join(tmpdir(), 'ta-zip-')), name);
  writeFileSync(path, data);
  return path;
}
