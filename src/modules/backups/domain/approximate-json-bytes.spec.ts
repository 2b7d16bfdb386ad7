import { approximateJsonBytes } from './approximate-json-bytes';

describe('approximateJsonBytes', () => {
  it('is the length of the JSON text for ASCII content without numbers', () => {
    const value = { a: 'xyz', list: [true, false, null, { nested: '' }], empty: {}, none: [] };
    expect(approximateJsonBytes(value)).toBe(JSON.stringify(value).length);
    expect(approximateJsonBytes([])).toBe(2);
    expect(approximateJsonBytes({ k: [1] })).toBe(JSON.stringify({ k: [1] }).length + 7);
  });

  it('grows with the number of settings (what bounds in-flight settings-catalog policies)', () => {
    const policy = (n: number) => ({
      name: 'p',
      settings: Array.from({ length: n }, (_, i) => ({ settingDefinitionId: `device_vendor_msft_${i}`, value: i })),
    });
    const small = approximateJsonBytes(policy(20));
    const big = approximateJsonBytes(policy(200));
    expect(big).toBeGreaterThan(9 * small);
    expect(big).toBeGreaterThan(0.9 * JSON.stringify(policy(200)).length);
    expect(big).toBeLessThan(1.2 * JSON.stringify(policy(200)).length);
  });
});
