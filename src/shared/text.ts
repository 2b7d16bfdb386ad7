/**
 * Rules for text that arrives from callers, in one place. PostgreSQL cannot store a NUL byte in text, and a lone
 * UTF-16 surrogate is not text at all (jsonb refuses its escape); both are refused wherever they arrive. Names shown
 * to people also refuse control and format characters: bidi overrides can make "gnp.exe" read as "exe.png", and
 * zero-width characters make two different names look the same.
 */

// Lone surrogates: a high one not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Cc (controls, incl. tab and line breaks), Cf (format: bidi controls, zero-width space/joiners, BOM, soft hyphen),
// Zl/Zp (line and paragraph separators).
const NOT_IN_A_NAME = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const CONTROL = /\p{Cc}/u;

/** Why a string cannot be stored as text, or null when it can. */
export function unstorableTextProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain a NUL character';
  if (LONE_SURROGATE.test(value)) return 'must be well-formed Unicode (it contains a lone surrogate)';
  return null;
}

/** Why a string is not a good name (display names, labels), or null. Leading and trailing spaces are trimmed later. */
export function nameProblem(value: string, maxLength: number): string | null {
  const unstorable = unstorableTextProblem(value);
  if (unstorable) return unstorable;
  const trimmed = value.trim();
  if (trimmed.length === 0) return 'must not be blank';
  if (trimmed.length > maxLength) return `must be at most ${maxLength} characters`;
  if (NOT_IN_A_NAME.test(value))
    return 'must not contain control or invisible formatting characters (line breaks, bidi overrides, zero-width spaces)';
  return null;
}

/** Why a string is not acceptable free text for a search box or filter value, or null. */
export function plainTextProblem(value: string, maxLength: number): string | null {
  const unstorable = unstorableTextProblem(value);
  if (unstorable) return unstorable;
  if (value.length > maxLength) return `must be at most ${maxLength} characters`;
  if (CONTROL.test(value)) return 'must not contain control characters';
  return null;
}

// PostgreSQL timestamptz reaches 4713 BC … 294276 AD; four-digit years are what any caller means.
const MIN_TIME = Date.UTC(1, 0, 1);
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** Why a date cannot be used (invalid, or outside the years 0001–9999), or null. */
export function dateProblem(value: Date): string | null {
  const time = value.getTime();
  if (Number.isNaN(time)) return 'must be a valid date';
  if (time < MIN_TIME || time > MAX_TIME) return 'must be a date between the years 0001 and 9999';
  return null;
}
