/**
 * Removes credentials from free text before it reaches a log, a run failure, an audit row or an API error.
 * Patterns, not a list of known secrets: an error can carry a token we never saw (e.g. echoed by a server).
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/(authorization\s*[:=]\s*)(bearer|basic)\s+[^\s"',;]+/gi, '$1$2 [REDACTED]'],
  [/\bbearer\s+[A-Za-z0-9\-._~+/]+=*/gi, 'Bearer [REDACTED]'],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, '[REDACTED_JWT]'],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g, '[REDACTED_PRIVATE_KEY]'],
  [
    /(["']?(?:client_secret|clientSecret|client_assertion|password|access_token|refresh_token|id_token|assertion|secret|privateKey|private_key)["']?\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s&,;}]+)/gi,
    '$1[REDACTED]',
  ],
];

export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A safe one-line message for any thrown value (for logs: prefixed with the error's class name). */
export function safeErrorMessage(error: unknown, maxLength = 1000): string {
  const raw =
    error instanceof Error ? `${error.name === 'Error' ? '' : `${error.name}: `}${error.message}` : String(error);
  return oneLine(raw, maxLength);
}

/** A safe one-line message for people (run failures): the error's own words, without an internal class name. */
export function plainErrorMessage(error: unknown, maxLength = 1000): string {
  return oneLine(error instanceof Error ? error.message || error.name : String(error), maxLength);
}

function oneLine(raw: string, maxLength: number): string {
  const redacted = redactSecrets(raw).replace(/\s+/g, ' ').trim();
  return redacted.length > maxLength ? `${redacted.slice(0, maxLength - 1)}…` : redacted;
}
