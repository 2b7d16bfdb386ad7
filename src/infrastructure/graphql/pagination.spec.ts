import { decodeCursor, encodeCursor, pageSize, toConnection } from './pagination';

const ID = '2b0d7f57-51c1-4d5e-9f4c-6a1a1c1d1e1f';

describe('keyset pagination helpers', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor(['2026-11-27T00:00:00.000Z', ID]), ['timestamp', 'uuid'])).toEqual([
      '2026-11-27T00:00:00.000Z',
      ID,
    ]);
  });

  it('rejects a forged or malformed cursor with BAD_USER_INPUT naming the field', () => {
    expect(() => decodeCursor('not-a-cursor', ['text', 'uuid'])).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field: 'after' }) }),
    );
    expect(() => decodeCursor(encodeCursor(['only-one']), ['text', 'uuid'])).toThrow(/after is not a valid cursor/);
  });

  it.each([
    ['a non-UUID id', ['name', 'not-a-uuid'], ['text', 'uuid']],
    ['a NUL byte in the text part', ['na\u0000me', ID], ['text', 'uuid']],
    ['a lone surrogate in the text part', ['na\ud800me', ID], ['text', 'uuid']],
    ['an unparseable timestamp', ['yesterday', ID], ['timestamp', 'uuid']],
    ['a timestamp PostgreSQL cannot hold', ['-010000-01-01T00:00:00.000Z', ID], ['timestamp', 'uuid']],
    ['a non-numeric sequence', ['12a'], ['bigint']],
    ['a sequence beyond bigint', ['1'.repeat(20)], ['bigint']],
  ] as const)('rejects a well-formed cursor with %s, with the same error', (_, values, shape) => {
    expect(() => decodeCursor(encodeCursor(values), shape)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: 'after is not a valid cursor' }),
    );
  });

  it('accepts numbers where the shape expects a sequence', () => {
    expect(decodeCursor(encodeCursor([42]), ['bigint'])).toEqual(['42']);
  });

  it('bounds page sizes', () => {
    expect(pageSize(undefined)).toBe(25);
    expect(() => pageSize(0)).toThrow(/first must be between 1 and 100/);
    expect(() => pageSize(101)).toThrow(/first/);
  });

  it('uses the extra row only to say there is a next page', () => {
    const connection = toConnection(
      [1, 2, 3],
      2,
      (n) => [n],
      (n) => ({ n }),
    );
    expect(connection.edges.map((e) => e.node.n)).toEqual([1, 2]);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor([2]) });
  });
});
