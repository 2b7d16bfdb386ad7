import { diffKindLabel, formatDiffValue, visibleDiffRows, withUnchangedContext } from './diff-rows';

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

describe('unchanged context around a diff', () => {
  it('adds the other top-level properties as unchanged rows, never bookkeeping fields or absent values', () => {
    const rows = [
      { path: 'passwordMinimumLength', label: 'passwordMinimumLength', kind: 'CHANGED', left: 8, right: 11 },
    ];
    const payload = {
      '@odata.type': '#microsoft.graph.windows10CompliancePolicy',
      id: 'x',
      lastModifiedDateTime: '2026-01-01T00:00:00Z',
      version: 2,
      displayName: 'Password',
      passwordMinimumLength: 11,
      description: null,
      scheduledActionsForRule: [{ ruleName: 'PasswordRequired' }],
    };
    expect(withUnchangedContext(rows, payload).map((r) => [r.path, r.kind])).toEqual([
      ['passwordMinimumLength', 'CHANGED'],
      ['displayName', 'UNCHANGED'],
      ['scheduledActionsForRule', 'UNCHANGED'],
    ]);
  });

  it('leaves out a property a row already covers at any depth', () => {
    const rows = [{ path: 'settings[abc].value', label: 'Abc', kind: 'CHANGED' }];
    expect(withUnchangedContext(rows, { settings: [1], name: 'n' }).map((r) => r.path)).toEqual([
      'settings[abc].value',
      'name',
    ]);
  });
});
