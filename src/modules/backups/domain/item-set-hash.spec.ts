import { compareCodePoints, itemSetHash, type ItemSetEntry } from './item-set-hash';

const entry = (sourceId: string, over: Partial<ItemSetEntry> = {}): ItemSetEntry => ({
  sourceId,
  displayName: `Name ${sourceId}`,
  odataType: null,
  payloadHash: 'a'.repeat(64),
  assignmentsHash: 'b'.repeat(64),
  versionId: '00000000-0000-4000-8000-000000000001',
  secretPaths: [],
  ...over,
});

describe('itemSetHash', () => {
  const ids = ['b', 'a', '\u{1F600}', '\uE000', 'A', 'é'];

  it('does not depend on the order the objects arrived in', () => {
    const forward = itemSetHash(ids.map((id) => entry(id)));
    const backward = itemSetHash([...ids].reverse().map((id) => entry(id)));
    expect(backward).toBe(forward);
    expect(forward).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes with every field of an item, and with an item more or less', () => {
    const base = itemSetHash(ids.map((id) => entry(id)));
    const changes: Array<Partial<ItemSetEntry>> = [
      { displayName: 'renamed' },
      { odataType: '#microsoft.graph.x' },
      { payloadHash: 'c'.repeat(64) },
      { assignmentsHash: 'c'.repeat(64) },
      { versionId: '00000000-0000-4000-8000-000000000002' },
      { secretPaths: ['settings[0]'] },
    ];
    for (const change of changes)
      expect(itemSetHash(ids.map((id) => entry(id, id === 'a' ? change : {})))).not.toBe(base);
    expect(itemSetHash(ids.slice(1).map((id) => entry(id)))).not.toBe(base);
  });

  it('sorts by code point (UTF-8 byte order), not by UTF-16 unit', () => {
    expect([...ids].sort(compareCodePoints)).toEqual(['A', 'a', 'b', 'é', '\uE000', '\u{1F600}']);
    // UTF-16 order would put the astral character (a surrogate pair, 0xD83D…) before U+E000.
    expect(['\u{1F600}', '\uE000'].sort()).toEqual(['\u{1F600}', '\uE000']);
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
    expect(compareCodePoints('\u{1F600}a', '\u{1F600}b')).toBeLessThan(0);
  });
});
