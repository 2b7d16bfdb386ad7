import { SnapshotChannel } from './snapshot-channel';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SnapshotChannel', () => {
  it('holds producers back once the buffered bytes would pass maxBytes, and lets them on as the consumer takes', async () => {
    const channel = new SnapshotChannel<number>({ maxItems: 50, maxBytes: 100, weigh: (n) => n });
    const pushed: number[] = [];
    const push = (n: number) => channel.push(n).then(() => pushed.push(n));
    void push(60);
    void push(30);
    void push(20); // 60 + 30 + 20 > 100: waits
    await tick();
    expect(pushed).toEqual([60, 30]);

    const reader = channel[Symbol.asyncIterator]();
    expect(await reader.next()).toEqual({ value: 60, done: false });
    await tick();
    expect(pushed).toEqual([60, 30, 20]);
  });

  it('lets an object heavier than maxBytes through when the buffer is empty', async () => {
    const channel = new SnapshotChannel<number>({ maxItems: 50, maxBytes: 100, weigh: (n) => n });
    let done = false;
    void channel.push(500).then(() => (done = true));
    await tick();
    expect(done).toBe(true);
    let second = false;
    void channel.push(1).then(() => (second = true));
    await tick();
    expect(second).toBe(false);
  });

  it('still bounds by count', async () => {
    const channel = new SnapshotChannel<number>({ maxItems: 2 });
    const pushed: number[] = [];
    for (const n of [1, 2, 3]) void channel.push(n).then(() => pushed.push(n));
    await tick();
    expect(pushed).toEqual([1, 2]);
  });

  it('rejects waiting producers once the consumer stops', async () => {
    const channel = new SnapshotChannel<number>({ maxItems: 1 });
    await channel.push(1);
    const waiting = channel.push(2);
    await channel[Symbol.asyncIterator]().return!();
    await expect(waiting).rejects.toThrow('the backup writer stopped');
  });
});
