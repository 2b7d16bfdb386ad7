import { validateCron } from './inventory-schedule.service';

describe('validateCron', () => {
  it('accepts five-field expressions and normalizes spacing', () => {
    expect(validateCron(' 0  */6 * * * ')).toBe('0 */6 * * *');
  });

  it('accepts schedules whose every gap is at least 5 minutes, whenever they are checked', () => {
    expect(validateCron('0 9 * * 1,2')).toBe('0 9 * * 1,2');
    expect(validateCron('*/5 * * * *')).toBe('*/5 * * * *');
  });

  it.each([
    ['* * * * *', /more often than every 5 minutes/],
    ['*/2 * * * *', /more often than every 5 minutes/],
    ['0,3 * * * *', /more often than every 5 minutes/],
    ['0 0 * *', /5 fields/],
    ['61 * * * *', /not a valid cron/],
    ['nonsense here and there ok', /not a valid cron/],
  ])('rejects %s with BAD_USER_INPUT on the cron field', (cron, message) => {
    expect(() => validateCron(cron)).toThrow(message);
    expect(() => validateCron(cron)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field: 'cron' }) }),
    );
  });

  it('accepts a seconds field only when the minimum gap was lowered below a minute (INVENTORY_SCHEDULE_MIN_GAP_SECONDS, tests)', () => {
    expect(() => validateCron('*/2 * * * * *')).toThrow(/5 fields/);
    expect(() => validateCron('0 */5 * * * *', 300)).toThrow(/5 fields/);
    expect(validateCron('*/2 * * * * *', 2)).toBe('*/2 * * * * *');
    expect(() => validateCron('* * * * * *', 2)).toThrow(/more often than every 2 seconds/);
  });
});
