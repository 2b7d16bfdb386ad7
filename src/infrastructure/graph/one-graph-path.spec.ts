import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '../..');
const ALLOWED = ['infrastructure/graph', 'graph-simulator'];
/**
 * Settings defaults may name the hosts (GRAPH_BASE_URL, AUTH_ISSUER), and the import reads `@odata.context` URLs out
 * of exported files (data, not calls); they still may not call anything.
 */
const HOST_NAMES_ALLOWED = [
  'infrastructure/config/environment.ts',
  'modules/backups/domain/detect-type-key.ts',
  'modules/backups/domain/detect-type-key.spec.ts',
];
/** The demo and the CLIs are clients of our own API; they may make HTTP calls but never name a Microsoft host. */
const OWN_API_CLIENTS = ['cli/demo.ts', 'cli/watch.ts', 'modules/backups/import-backup.cli.ts'];
const HOSTS: Array<[string, RegExp]> = [
  ['a Graph host', /graph\.microsoft\.com/],
  ['the Entra login host', /login\.microsoftonline\.com/],
];
const CALLS: Array<[string, RegExp]> = [
  ['fetch(', /\bfetch\s*\(/],
  ['http.request(', /\bhttps?\.request\s*\(/],
  ['axios', /\baxios\b/],
];

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return tsFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

describe('one Graph path', () => {
  it('no file under src/ outside the Graph layer and the simulator names a Microsoft host or makes its own HTTP calls', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(SRC)) {
      const rel = relative(SRC, file).split('\\').join('/');
      if (ALLOWED.some((allowed) => rel.startsWith(`${allowed}/`))) continue;
      const text = readFileSync(file, 'utf8');
      const rules = HOST_NAMES_ALLOWED.includes(rel)
        ? CALLS
        : OWN_API_CLIENTS.includes(rel)
          ? HOSTS
          : [...HOSTS, ...CALLS];
      for (const [what, pattern] of rules) if (pattern.test(text)) offenders.push(`src/${rel}: ${what}`);
    }
    expect(offenders).toEqual([]);
  });
});
