import { typedNameMatches } from './typed-name';

describe('the typed tenant name that confirms a restore', () => {
  it('matches only the exact display name', () => {
    expect(typedNameMatches('Fabrikam', 'Fabrikam')).toBe(true);
    expect(typedNameMatches('fabrikam', 'Fabrikam')).toBe(false);
    expect(typedNameMatches('Fabrikam ', 'Fabrikam')).toBe(false);
    expect(typedNameMatches('Fabrika', 'Fabrikam')).toBe(false);
  });

  it('never matches an empty name', () => {
    expect(typedNameMatches('', '')).toBe(false);
  });
});
