import { diffKindLabel, formatDiffValue, visibleDiffRows } from './diff-rows';

describe('diff rows as the console shows them', () => {
  it('shows null, empty text and empty lists alike as absent', () => {
    expect([null, undefined, '', []].map(formatDiffValue)).toEqual(['—', '—', '—', '—']);
  });

  it('shows text as it is, numbers and booleans as text, structures as compact JSON', () => {
    expect(formatDiffValue('Require')).toBe('Require');
    expect(formatDiffValue(0)).toBe('0');
    expect(formatDiffValue(false)).toBe('false');
    expect(formatDiffValue({ a: [1, 'x'] })).toBe('{"a":[1,"x"]}');
  });

  it('drops unchanged rows only when changed-only is on, keeping the order', () => {
    const rows = [
      { path: 'a', label: 'A', kind: 'CHANGED' },
      { path: 'b', label: 'B', kind: 'UNCHANGED' },
      { path: 'c', label: 'C', kind: 'added' },
    ];
    expect(visibleDiffRows(rows, true).map((r) => r.path)).toEqual(['a', 'c']);
    expect(visibleDiffRows(rows, false).map((r) => r.path)).toEqual(['a', 'b', 'c']);
  });

  it('labels the kinds in words', () => {
    expect(['ADDED', 'removed', 'CHANGED', 'OTHER'].map(diffKindLabel)).toEqual([
      'Added',
      'Removed',
      'Changed',
      'OTHER',
    ]);
  });
});
