import { dateProblem, nameProblem, plainTextProblem, unstorableTextProblem } from './text';

describe('text rules', () => {
  it('refuses what PostgreSQL cannot store: a NUL byte and lone surrogates (high or low)', () => {
    expect(unstorableTextProblem('a\u0000b')).toMatch(/NUL/);
    expect(unstorableTextProblem('a\ud800b')).toMatch(/lone surrogate/);
    expect(unstorableTextProblem('a\udc00')).toMatch(/lone surrogate/);
    expect(unstorableTextProblem('\ud83d\ude80 ok')).toBeNull(); // a surrogate pair (🚀) is fine
  });

  it.each([
    ['blank', '   ', /blank/],
    ['a bidi override', 'abc\u202Egnp.exe', /invisible formatting/],
    ['a bidi isolate', 'abc\u2067x', /invisible formatting/],
    ['a zero-width space', 'Con\u200Btoso', /invisible formatting/],
    ['a zero-width joiner', 'Con\u200Dtoso', /invisible formatting/],
    ['a byte order mark', '\uFEFFContoso', /invisible formatting/],
    ['a tab', 'Con\ttoso', /control/],
    ['a line separator', 'Con\u2028toso', /control/],
    ['too many characters', 'x'.repeat(257), /at most 256/],
  ])('refuses a name with %s', (_, value, reason) => {
    expect(nameProblem(value, 256)).toMatch(reason);
  });

  it('accepts names in any script, with accents, emoji and surrounding spaces (trimmed later)', () => {
    for (const name of ['Société Générale', 'شركة', '株式会社 テスト', 'Contoso 🚀 (EU)', '  padded  ']) {
      expect(nameProblem(name, 256)).toBeNull();
    }
  });

  it('lets free text carry format characters but no controls', () => {
    expect(plainTextProblem('Con\u200Btoso', 200)).toBeNull();
    expect(plainTextProblem('a\nb', 200)).toMatch(/control/);
    expect(plainTextProblem('x'.repeat(201), 200)).toMatch(/at most 200/);
  });

  it('takes dates in the years 0001–9999 only', () => {
    expect(dateProblem(new Date('2026-01-01T00:00:00Z'))).toBeNull();
    expect(dateProblem(new Date('-010000-01-01T00:00:00Z'))).toMatch(/0001 and 9999/);
    expect(dateProblem(new Date('+275000-01-01T00:00:00Z'))).toMatch(/0001 and 9999/);
    expect(dateProblem(new Date(Number.NaN))).toMatch(/valid date/);
  });
});
