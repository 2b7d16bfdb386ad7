import { CronExpressionParser } from 'cron-parser';

/** The next `count` times a cron (UTC, as the server runs schedules) fires, or the parser's complaint. */
export function nextOccurrences(
  cron: string,
  count = 3,
  from = new Date(),
): { ok: true; dates: Date[] } | { ok: false; error: string } {
  try {
    const expression = CronExpressionParser.parse(cron.trim(), { tz: 'UTC', currentDate: from });
    return { ok: true, dates: Array.from({ length: count }, () => expression.next().toDate()) };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}
