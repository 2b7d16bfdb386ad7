// Prints (and checks) the gzipped JavaScript the browser loads for the first page after sign-in (Tenants): the entry
// chunk, its static imports and the Tenants page chunk with its imports, read from Vite's manifest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const LIMIT_KB = 350;
const FIRST_PAGE = 'src/pages/tenants/TenantsPage.tsx';
const dist = join(import.meta.dirname, '..', '..', 'dist', 'web');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const files = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit('index.html');
visit(FIRST_PAGE);
if (!manifest[FIRST_PAGE]) throw new Error(`${FIRST_PAGE} is not a chunk of its own: is the page still lazy-loaded?`);

const gzipped = [...files]
  .filter((f) => f.endsWith('.js'))
  .reduce((sum, f) => sum + gzipSync(readFileSync(join(dist, f))).length, 0);
const kb = gzipped / 1024;
const pages = Object.values(manifest).filter((c) => c.isDynamicEntry).length;
console.log(
  `console: first page after sign-in (Tenants) loads ${kb.toFixed(1)} KB of JavaScript gzipped (limit ${LIMIT_KB} KB); ${pages} lazily loaded page chunks`,
);
if (kb > LIMIT_KB) {
  console.error(`console: the first page is over ${LIMIT_KB} KB gzipped`);
  process.exit(1);
}
