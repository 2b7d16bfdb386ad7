import { redactSecrets, safeErrorMessage } from '../../../shared/redact';
import type { RunFailure } from '../../../infrastructure/runs';

export const MAX_FAILURES = 50;
export const MAX_FAILURE_MESSAGE = 1000;
const MAX_ITEM = 200;

/** A failure safe to store: secrets redacted, message and item capped (a run keeps at most MAX_FAILURES). */
export function sanitizeFailure(
  input: { item?: string | null; code?: string | null; error: unknown },
  at = new Date(),
): RunFailure {
  const item = input.item ? redactSecrets(String(input.item)).slice(0, MAX_ITEM) : null;
  const code = input.code ? redactSecrets(String(input.code)).slice(0, 64) : null;
  return { item, code, message: safeErrorMessage(input.error, MAX_FAILURE_MESSAGE), at: at.toISOString() };
}

/** Appends while under the cap; later failures only count (summary) but are not stored. */
export function appendFailure(failures: RunFailure[], failure: RunFailure): boolean {
  if (failures.length >= MAX_FAILURES) return false;
  failures.push(failure);
  return true;
}
