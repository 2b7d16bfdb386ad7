import { decodeCursor, encodeCursor, pageSize, toConnection } from './pagination';

describe('keyset pagination helpers', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor(['2026-11-27T00:00:00.000Z', 'abc']), 2)).toEqual([
      '2026-11-27T00:00:00.000Z',
      'abc',
    ]);
  });

  it('rejects a forged or malformed cursor with BAD_USER_INPUT naming the field', () => {
    expect(() => decodeCursor('not-a-cursor', 2)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: expect.objectContaining({ field: 'after' }) }),
    );
    expect(() => decodeCursor(encodeCursor(['only-one']), 2)).toThrow(/after is not a valid cursor/);
  });

  it('rejects well-formed values the caller’s check refuses, with the same error', () => {
    const isNumber = ([v]: string[]) => /^\d+$/.test(v);
    expect(decodeCursor(encodeCursor([42]), 1, 'after', isNumber)).toEqual(['42']);
    expect(() => decodeCursor(encodeCursor(['x']), 1, 'after', isNumber)).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', message: 'after is not a valid cursor' }),
    );
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
