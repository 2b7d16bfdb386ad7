import { plainErrorMessage, redactSecrets } from '../../../shared/redact';
import { runFailureOf, type RunFailure, type RunFailureCode } from '../../../infrastructure/runs';

export const MAX_FAILURES = 50;
export const MAX_FAILURE_MESSAGE = 1000;
const MAX_ITEM = 200;

/**
 * A failure safe to store: a catalogued code (the error's own when none is given), a plain message (secrets redacted,
 * no internal class name), message and item capped (a run keeps at most MAX_FAILURES).
 */
export function sanitizeFailure(
  input: { item?: string | null; code?: RunFailureCode | null; error: unknown },
  at = new Date(),
): RunFailure {
  const item = input.item ? redactSecrets(String(input.item)).slice(0, MAX_ITEM) : null;
  const described = input.code ? { code: input.code, message: input.error } : runFailureOf(input.error);
  return {
    item,
    code: described.code,
    message: plainErrorMessage(described.message, MAX_FAILURE_MESSAGE),
    at: at.toISOString(),
  };
}

/** Appends while under the cap; later failures only count (summary) but are not stored. */
export function appendFailure(failures: RunFailure[], failure: RunFailure): boolean {
  if (failures.length >= MAX_FAILURES) return false;
  failures.push(failure);
  return true;
}
