import { randomUUID } from 'node:crypto';
import { encodeCursor } from '../../../infrastructure/graphql/pagination';
import { decodeRunCursor, encodeRunCursor } from './run-cursor';

const badCursor = expect.objectContaining({
  code: 'BAD_USER_INPUT',
  details: expect.objectContaining({ field: 'after' }),
});

describe('run cursor', () => {
  it('round-trips created_at (to the millisecond) and id', () => {
    const createdAt = new Date('2026-11-27T10:11:12.345Z');
    const id = randomUUID();
    expect(decodeRunCursor(encodeRunCursor(createdAt, id))).toEqual({ createdAt, id });
  });

  it('refuses a cursor in the old `<iso>|<id>` format with BAD_USER_INPUT on after', () => {
    const old = Buffer.from(`2026-11-27T10:11:12.345Z|${randomUUID()}`).toString('base64url');
    expect(() => decodeRunCursor(old)).toThrow(badCursor);
  });

  it('refuses values that would fail as SQL parameters (not a date, not a uuid) with BAD_USER_INPUT', () => {
    expect(() => decodeRunCursor(encodeCursor(['yesterday', randomUUID()]))).toThrow(badCursor);
    expect(() => decodeRunCursor(encodeCursor(['2026-11-27T10:11:12.345Z', 'run-1']))).toThrow(badCursor);
  });
});
