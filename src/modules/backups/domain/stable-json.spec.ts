import { canonicalPayload } from './canonical-form';
import { canonicalJson } from './rfc8785';
import { stableJson } from './stable-json';
import { loadGoldenFixtures, shuffledCopy } from './testing/golden-fixtures';

describe('stableJson', () => {
  it('sorts keys, keeps arrays in order and writes primitives as JSON does', () => {
    expect(stableJson({ b: [2, 1], a: { d: null, c: 'é' }, u: undefined })).toBe('{"a":{"c":"é","d":null},"b":[2,1]}');
    expect(stableJson('x')).toBe('"x"');
    expect(stableJson(undefined)).toBe('null');
  });

  it('is equal exactly when the RFC 8785 text is, on the 72 OpenIntuneBaseline policies', () => {
    const fixtures = loadGoldenFixtures();
    const texts = fixtures.map((f) => canonicalPayload(f.typeKey, f.payload));
    for (const [i, f] of fixtures.entries()) {
      const copy = canonicalPayload(f.typeKey, shuffledCopy(f.payload, 3));
      expect(stableJson(copy)).toBe(stableJson(texts[i]));
      expect(JSON.parse(stableJson(copy))).toEqual(JSON.parse(canonicalJson(copy)));
    }
    expect(new Set(texts.map(stableJson)).size).toBe(new Set(texts.map(canonicalJson)).size);
  });
});
