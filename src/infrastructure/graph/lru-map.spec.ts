import { LruMap } from './lru-map';

describe('LruMap', () => {
  it('never holds more than its bound, dropping the least recently used entry', () => {
    const lru = new LruMap<string, number>(3);
    for (let i = 0; i < 100; i++) lru.set(`k${i}`, i);
    expect(lru.size).toBe(3);
    expect(lru.keys()).toEqual(['k97', 'k98', 'k99']);
  });

  it('counts a read as a use', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect(lru.keys()).toEqual(['a', 'c']);
  });

  it('replaces an existing key without dropping another', () => {
    const lru = new LruMap<string, number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    lru.set('a', 3);
    expect([...lru.keys()].sort()).toEqual(['a', 'b']);
    expect(lru.get('a')).toBe(3);
  });
});
