import { compareBackupItems, type BackupItemRef } from './backup-comparison';

const ref = (
  itemId: string,
  sourceId: string,
  name: string,
  payloadHash = 'p',
  assignmentsHash = 'a',
): BackupItemRef => ({
  itemId,
  typeKey: 'deviceConfiguration',
  sourceId,
  name,
  payloadHash,
  assignmentsHash,
});

describe('compareBackupItems', () => {
  it('counts unchanged objects by hash and reports the changed ones with what changed', () => {
    const result = compareBackupItems(
      [ref('l1', 's1', 'A'), ref('l2', 's2', 'B'), ref('l3', 's3', 'C')],
      [ref('r1', 's1', 'A'), ref('r2', 's2', 'B', 'p2'), ref('r3', 's3', 'C', 'p', 'a2')],
    );
    expect(result).toMatchObject({ added: 0, removed: 0, changed: 2, unchanged: 1 });
    expect(result.objects.map((o) => [o.kind, o.name, o.payloadChanged, o.assignmentsChanged])).toEqual([
      ['changed', 'B', true, false],
      ['changed', 'C', false, true],
    ]);
  });

  it('matches by source id first, then by a name unique on both sides (another tenant)', () => {
    const result = compareBackupItems(
      [
        ref('l1', 's1', 'Renamed before'),
        ref('l2', 'x', 'Same name'),
        ref('l3', 'y', 'Twice'),
        ref('l4', 'z', 'Twice'),
      ],
      [
        ref('r1', 's1', 'Renamed after'),
        ref('r2', 'other', 'Same name'),
        ref('r3', 'w', 'Twice'),
        ref('r4', 'new', 'New'),
      ],
    );
    expect(result).toMatchObject({ added: 2, removed: 2, changed: 0, unchanged: 2 });
    expect(result.objects.map((o) => [o.kind, o.name, o.left?.itemId ?? null, o.right?.itemId ?? null])).toEqual([
      ['removed', 'Twice', 'l3', null],
      ['removed', 'Twice', 'l4', null],
      ['added', 'New', null, 'r4'],
      ['added', 'Twice', null, 'r3'],
    ]);
  });

  it('compares 10,000 objects by hash alone', () => {
    const left = Array.from({ length: 10_000 }, (_, i) => ref(`l${i}`, `s${i}`, `P${i}`));
    const right = left.map((l, i) => ({ ...l, itemId: `r${i}`, payloadHash: i % 100 === 0 ? 'changed' : 'p' }));
    expect(compareBackupItems(left, right)).toMatchObject({ changed: 100, unchanged: 9_900, added: 0, removed: 0 });
  });
});
