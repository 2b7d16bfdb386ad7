import { createReadStream } from 'node:fs';
import { lstat, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import { IMPORT_CLI_USAGE, parseImportCliArgs } from './application/archive/import-cli-args';

/**
 * `npm run backup:import -- --tenant <id> [--label …] <file.zip|folder>`: sends an IntuneManagement-layout archive to
 * a running TenantAtlas (`--url`, default http://127.0.0.1:3000) as the signed-in admin whose token is `--token` or
 * TOKEN (`npm run demo` prints one). A folder is zipped on the fly, streamed, never held in memory. It goes through
 * the same upload route as any client (`POST /api/tenants/{id}/backups/import`), so the server applies the same
 * role check, limits, audit and per-file report; the CLI holds no database credentials.
 * Exit codes: 0 imported, 2 refused (the server's reason is printed), 1 any other error.
 */
class CliError extends Error {}

/** Files under `dir`, relative paths with `/`; a symbolic link is refused (it could point anywhere). */
async function filesOf(dir: string, prefix = ''): Promise<Array<{ full: string; rel: string }>> {
  const out: Array<{ full: string; rel: string }> = [];
  for (const name of (await readdir(dir)).sort()) {
    const full = join(dir, name);
    const rel = prefix ? `${prefix}/${name}` : name;
    const info = await lstat(full);
    if (info.isSymbolicLink()) throw new CliError(`refusing the symbolic link ${rel}`);
    if (info.isDirectory()) out.push(...(await filesOf(full, rel)));
    else if (info.isFile()) out.push({ full, rel });
  }
  return out;
}

async function body(path: string): Promise<ReadableStream> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new CliError(`no such file or folder: ${path}`);
  if (info.isFile()) return Readable.toWeb(createReadStream(path)) as ReadableStream;
  const zip = new ZipFile();
  for (const file of await filesOf(path)) zip.addFile(file.full, file.rel);
  zip.end();
  return Readable.toWeb(zip.outputStream as Readable) as ReadableStream;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseImportCliArgs(process.argv.slice(2), process.env);
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
  if (!args.token)
    throw new CliError(`no token: pass --token or set TOKEN (npm run demo prints one)\n${IMPORT_CLI_USAGE}`);
  const query = args.label ? `?label=${encodeURIComponent(args.label)}` : '';
  const response = await fetch(`${args.url}/api/tenants/${encodeURIComponent(args.tenantId)}/backups/import${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${args.token}`, 'content-type': 'application/zip' },
    body: await body(args.path),
    duplex: 'half',
  } as RequestInit).catch((error: Error) => {
    throw new CliError(`cannot reach ${args.url}: ${error.message}`);
  });
  const result = (await response.json().catch(() => ({}))) as Record<string, any>;
  if (!response.ok) {
    const e = result.error ?? {};
    console.error(
      `backup:import refused (${e.code ?? `HTTP ${response.status}`}${e.reason ? `, ${e.reason}` : ''}): ${e.message ?? ''}`,
    );
    return 2;
  }
  const counts = Object.entries(result.backup.countsByType as Record<string, number>)
    .map(([type, n]) => `${type} ${n}`)
    .join(', ');
  console.log(`backup:import: backup ${result.backup.id} with ${result.objectCount} object(s) (${counts})`);
  console.log(`  new versions ${result.backup.newVersions}, new payload rows ${result.backup.newPayloads}`);
  for (const file of result.unknownFiles as Array<{ path: string; odataType: string | null; reason: string }>) {
    console.log(`  not imported: ${file.path} (${file.reason}${file.odataType ? `, ${file.odataType}` : ''})`);
  }
  if (result.unknownCount > result.unknownFiles.length) {
    console.log(`  … and ${result.unknownCount - result.unknownFiles.length} more not imported`);
  }
  if (result.skippedCount) console.log(`  ${result.skippedCount} file(s) that are not JSON were skipped`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`backup:import failed: ${error.message}`);
    process.exit(1);
  },
);
