import { CronExpressionParser } from 'cron-parser';
import { BadUserInputError } from './app-errors';

/** Production minimum (FR-10); INVENTORY_SCHEDULE_MIN_GAP_SECONDS may only lower it outside production (tests). */
const DEFAULT_MIN_GAP_SECONDS = 300;

/**
 * Normalizes a cron and refuses one that fires more often than every `minGapSeconds` (default: the production 5
 * minutes). A seconds field (6 fields, seconds first; cron-parser and BullMQ both read it) is accepted only when the
 * minimum gap is below a minute, i.e. only where INVENTORY_SCHEDULE_MIN_GAP_SECONDS was lowered (tests; refused in
 * production), so production keeps exactly the five-field, 5-minute rule.
 */
export function validateCron(cron: string, minGapSeconds = DEFAULT_MIN_GAP_SECONDS): string {
  const normalized = cron.trim().replace(/\s+/g, ' ');
  const minIntervalMs = minGapSeconds * 1000;
  const fields = normalized.split(' ').length;
  if (fields !== 5 && !(fields === 6 && minGapSeconds < 60))
    throw new BadUserInputError(
      'cron must have 5 fields (minute hour day-of-month month day-of-week), e.g. "0 */6 * * *"',
      'cron',
    );
  let shortestGapMs = Infinity;
  try {
    // The shortest gap over a week of occurrences: one pair depends on when it is checked ("0,3 * * * *" at :05).
    const expression = CronExpressionParser.parse(normalized, {
      tz: 'UTC',
      currentDate: new Date(Date.UTC(2026, 0, 5)),
    });
    let previous = expression.next().getTime();
    for (let i = 0; i < 2100 && shortestGapMs >= minIntervalMs; i++) {
      const next = expression.next().getTime();
      shortestGapMs = Math.min(shortestGapMs, next - previous);
      previous = next;
      if (next - Date.UTC(2026, 0, 5) > 8 * 86_400_000) break;
    }
  } catch {
    throw new BadUserInputError(`cron "${normalized}" is not a valid cron expression`, 'cron');
  }
  const every =
    minGapSeconds % 60 === 0
      ? `${minGapSeconds / 60} minute${minGapSeconds === 60 ? '' : 's'}`
      : `${minGapSeconds} seconds`;
  if (shortestGapMs < minIntervalMs)
    throw new BadUserInputError(`cron must not fire more often than every ${every}`, 'cron');
  return normalized;
}
