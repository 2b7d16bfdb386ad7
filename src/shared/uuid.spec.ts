import { randomUUID } from 'node:crypto';
import { isUuid } from './uuid';

describe('isUuid', () => {
  it('accepts a UUID in either case', () => {
    const id = randomUUID();
    expect(isUuid(id)).toBe(true);
    expect(isUuid(id.toUpperCase())).toBe(true);
  });

  it.each([
    ['not-a-uuid'],
    ['-'.repeat(36)],
    [`${randomUUID()}x`],
    [` ${randomUUID()}`],
    [''],
    [undefined],
    [null],
    [42],
  ])('rejects %j', (value) => {
    expect(isUuid(value)).toBe(false);
  });
});
