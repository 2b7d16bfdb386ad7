import { applyUpdates, isNewer } from './versioned';

const run = (id: string, version: number, extra: Record<string, unknown> = {}) => ({ id, version, ...extra });

describe('versioned live updates', () => {
  it('drops a message whose version is not newer than what the view has', () => {
    expect(isNewer(run('a', 5), run('a', 4))).toBe(false);
    expect(isNewer(run('a', 5), run('a', 5))).toBe(false);
    expect(isNewer(run('a', 5), run('a', 6))).toBe(true);
    expect(isNewer(undefined, run('a', 1))).toBe(true);
  });

  it('replaces rows in place with newer versions and keeps the array when nothing changed', () => {
    const rows = [run('a', 2, { s: 'running' }), run('b', 1)];
    const stale = applyUpdates(rows, [run('a', 1, { s: 'queued' })], () => true);
    expect(stale).toBe(rows);
    const fresh = applyUpdates(rows, [run('a', 3, { s: 'completed' })], () => true);
    expect(fresh).toEqual([run('a', 3, { s: 'completed' }), run('b', 1)]);
  });

  it('puts admitted new rows first, newest first, and leaves out rows the view does not show', () => {
    const rows = [run('a', 1)];
    const next = applyUpdates(
      rows,
      [run('b', 1, { ok: true }), run('c', 1, { ok: false }), run('d', 1, { ok: true })],
      (r) => Boolean((r as { ok?: boolean }).ok),
    );
    expect(next.map((r) => r.id)).toEqual(['d', 'b', 'a']);
  });
});
