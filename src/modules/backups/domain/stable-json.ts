/**
 * A fast, deterministic JSON text of a canonical value, for ordering and equality inside the canonical form and the
 * diff: keys sorted by UTF-16 code units (as RFC 8785), primitives as `JSON.stringify` writes them. Two JSON values
 * are equal exactly when their texts are. Hashes use the RFC 8785 text (`rfc8785.ts`) instead; this one is about
 * ten times faster, which decides the cost of diffing big settings catalog policies.
 */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of Object.keys(object).sort()) {
    if (object[key] !== undefined) parts.push(`${JSON.stringify(key)}:${stableJson(object[key])}`);
  }
  return `{${parts.join(',')}}`;
}
