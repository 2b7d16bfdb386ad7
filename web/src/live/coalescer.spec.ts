import { Coalescer } from './coalescer';

describe('Coalescer (live updates into few renders)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('turns 100 progress events in one second into at most four flushes, each with the newest event per run', () => {
    const flushes: Array<Array<{ id: string; n: number }>> = [];
    const c = new Coalescer<{ id: string; n: number }>(
      (m) => m.id,
      (items) => flushes.push(items),
      250,
    );
    for (let n = 1; n <= 100; n++) {
      c.push({ id: 'run-1', n });
      jest.advanceTimersByTime(10);
    }
    jest.advanceTimersByTime(250);
    expect(flushes.length).toBeLessThanOrEqual(5);
    expect(flushes.every((batch) => batch.length === 1)).toBe(true);
    expect(flushes.at(-1)![0].n).toBe(100);
  });

  it('keeps one entry per key in a batch and sends nothing after dispose', () => {
    const flushes: Array<Array<{ id: string; n: number }>> = [];
    const c = new Coalescer<{ id: string; n: number }>(
      (m) => m.id,
      (items) => flushes.push(items),
      100,
    );
    c.push({ id: 'a', n: 1 });
    c.push({ id: 'b', n: 1 });
    c.push({ id: 'a', n: 2 });
    jest.advanceTimersByTime(100);
    expect(flushes).toEqual([
      [
        { id: 'a', n: 2 },
        { id: 'b', n: 1 },
      ],
    ]);
    c.push({ id: 'a', n: 3 });
    c.dispose();
    jest.advanceTimersByTime(100);
    expect(flushes).toHaveLength(1);
  });
});
