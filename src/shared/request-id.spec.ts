import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
  it('keeps a plain caller-supplied id', () => {
    expect(requestIdFrom('ui-4f2a.17')).toBe('ui-4f2a.17');
  });

  it.each([['x'.repeat(101)], ['has spaces'], ['line\nbreak'], [undefined], ['']])(
    'replaces %j with a fresh uuid',
    (header) => {
      expect(requestIdFrom(header)).toMatch(/^[0-9a-f-]{36}$/);
    },
  );
});
