import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as yauzl from 'yauzl';
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

/** Every file under `dir` as zip entries, paths relative to `dir` with `/` separators. */
export function directoryEntries(dir: string, prefix = ''): ZipEntrySpec[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    if (d.isDirectory()) return directoryEntries(join(dir, d.name), rel);
    return [{ name: rel, data: readFileSync(join(dir, d.name)) }];
  });
}

/** The entries of a zip buffer: path → bytes. */
export async function unzipBuffer(zip: Buffer): Promise<Map<string, Buffer>> {
  const file = await yauzl.fromBufferPromise(zip, { lazyEntries: true });
  const out = new Map<string, Buffer>();
  for await (const entry of file.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of (await file.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(c);
    out.set(entry.fileName, Buffer.concat(chunks));
  }
  return out;
}

/** Keys sorted at every depth, no whitespace: RFC 8785's ordering (these files hold no number it would rewrite). */
export function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${sortedJson(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * An exported policy file as compared: canonical text, with a file without `assignments` equal to one with `[]`
 * (Graph's `$expand=assignments` always returns the array, so an export always writes it).
 */
export function canonicalPolicyFile(text: string): string {
  const json = JSON.parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  return sortedJson({ ...json, assignments: json.assignments ?? [] });
}
