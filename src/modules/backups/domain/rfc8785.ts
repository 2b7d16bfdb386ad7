import { existsSync } from 'node:fs';
import { join } from 'node:path';

type Canonicalize = (value: unknown) => string | undefined;

/**
 * RFC 8785 (JSON Canonicalization Scheme) through the `canonicalize` package. Version 4 is ESM-only and its
 * package.json exports nothing but an `import` condition, so `require('canonicalize')` fails under Node's CommonJS
 * loader and under jest's resolver alike. Node ≥ 20.19 does `require()` an ES module by file path, and jest
 * transforms it (jest.config.js `transformIgnorePatterns`), so the file is loaded by path, once.
 */
function loadCanonicalize(): Canonicalize {
  for (const dir of require.resolve.paths('canonicalize') ?? []) {
    const file = join(dir, 'canonicalize', 'lib', 'canonicalize.js');
    if (!existsSync(file)) continue;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: loaded by path on purpose
    const mod = require(file) as { default?: Canonicalize } | Canonicalize;
    return typeof mod === 'function' ? mod : (mod.default as Canonicalize);
  }
  throw new Error('The "canonicalize" package is not installed');
}

let canonicalizeFn: Canonicalize | undefined;

/** The RFC 8785 text of a JSON value: keys sorted by UTF-16 code units, ECMAScript number form, no whitespace. */
export function canonicalJson(value: unknown): string {
  canonicalizeFn ??= loadCanonicalize();
  return canonicalizeFn(value) ?? 'null';
}
