import { backupsToPrune, KEEP_ALL } from './retention';

const now = new Date('2026-12-02T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 24 * 3600 * 1000);
// b1 is the oldest (10 days), b5 the newest (today); given in no particular order.
const backups = [
  { id: 'b3', createdAt: daysAgo(5) },
  { id: 'b1', createdAt: daysAgo(10) },
  { id: 'b5', createdAt: daysAgo(0) },
  { id: 'b2', createdAt: daysAgo(8) },
  { id: 'b4', createdAt: daysAgo(2) },
];

describe('backupsToPrune', () => {
  it('keeps everything by default', () => {
    expect(backupsToPrune(backups, KEEP_ALL, now)).toEqual([]);
  });

  it('keep the last 2: the three oldest go', () => {
    expect(backupsToPrune(backups, { keepLast: 2, keepDays: null }, now).sort()).toEqual(['b1', 'b2', 'b3']);
  });

  it('keep 6 days: older ones go', () => {
    expect(backupsToPrune(backups, { keepLast: null, keepDays: 6 }, now).sort()).toEqual(['b1', 'b2']);
  });

  it('both rules: a backup either rule keeps stays', () => {
    expect(backupsToPrune(backups, { keepLast: 1, keepDays: 6 }, now).sort()).toEqual(['b1', 'b2']);
    expect(backupsToPrune(backups, { keepLast: 4, keepDays: 1 }, now).sort()).toEqual(['b1']);
  });

  it('never deletes the newest backup, even when every backup is older than the days rule', () => {
    expect(backupsToPrune(backups, { keepLast: null, keepDays: 0 }, daysAgo(-30)).sort()).toEqual([
      'b1',
      'b2',
      'b3',
      'b4',
    ]);
  });

  it('orders equal times by id so a tie never flips between runs', () => {
    const same = [
      { id: 'a', createdAt: now },
      { id: 'b', createdAt: now },
    ];
    expect(backupsToPrune(same, { keepLast: 1, keepDays: null }, now)).toEqual(['a']);
    expect(backupsToPrune([...same].reverse(), { keepLast: 1, keepDays: null }, now)).toEqual(['a']);
  });
});
