import { redactSecrets } from '../../../shared/redact';

// Key names that hold secret material; credential *metadata* (credentialKind, credentialExpiresAt) stays readable.
const SECRET_KEY =
  /secret(?!expiresat)|password|token|assertion|private|pem|^credential$|authorization|cookie|^key$|apikey/i;
const MAX_STRING = 500;
const MAX_DEPTH = 4;
const MAX_KEYS = 50;

/**
 * Audit rows are read by many people for years: metadata keeps shapes and identifiers, never credentials.
 * Keys that name a secret are dropped to a marker, strings are pattern-redacted and capped, depth is bounded.
 */
export function sanitizeAuditMetadata(value: Record<string, unknown> | undefined): Record<string, unknown> {
  return (clean(value ?? {}, 0) as Record<string, unknown>) ?? {};
}

function clean(value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return cap(redactSecrets(value));
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return '[truncated]';
  if (Array.isArray(value)) return value.slice(0, MAX_KEYS).map((v) => clean(v, depth + 1));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>).slice(0, MAX_KEYS)) {
      out[key] = SECRET_KEY.test(key) ? '[REDACTED]' : clean(v, depth + 1);
    }
    return out;
  }
  return String(value);
}

function cap(text: string): string {
  return text.length > MAX_STRING ? `${text.slice(0, MAX_STRING - 1)}…` : text;
}
