import { nextOccurrences } from './cron';

describe('nextOccurrences (schedule preview)', () => {
  it('lists the next three times a cron fires, in UTC', () => {
    const result = nextOccurrences('30 2 * * 1', 3, new Date('2026-03-04T12:00:00Z'));
    expect(result).toEqual({
      ok: true,
      dates: [new Date('2026-03-09T02:30:00Z'), new Date('2026-03-16T02:30:00Z'), new Date('2026-03-23T02:30:00Z')],
    });
  });

  it('reports an expression it cannot read instead of throwing', () => {
    const result = nextOccurrences('every tuesday');
    expect(result.ok).toBe(false);
  });
});
