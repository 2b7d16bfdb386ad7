import canonicalize from 'canonicalize';

/**
 * The RFC 8785 text of a JSON value: keys sorted by UTF-16 code units, ECMAScript number form, no whitespace. The
 * `canonicalize` package (2.x, CommonJS: 4.x and later export only an `import` condition, which Node's `require`
 * and jest's resolver cannot load) does the work.
 */
export function canonicalJson(value: unknown): string {
  return canonicalize(value) ?? 'null';
}
