import { EventBus } from './event-bus';

declare module './event-map' {
  interface EventMap {
    'test.ping': { n: number; sentAt: Date; note?: string };
  }
}

describe('EventBus', () => {
  it('should deliver a broadcast to local listeners once and to other processes through the relay', async () => {
    const a = new EventBus();
    const b = new EventBus();
    const wire: string[] = [];
    a.useRelay({ publish: async (m) => wire.push(m) });
    const seenA: number[] = [];
    const seenB: Array<{ n: number; sentAt: Date; note?: string }> = [];
    a.on('test.ping', (p) => void seenA.push(p.n));
    b.on('test.ping', (p) => void seenB.push(p));
    await a.broadcast('test.ping', {
      n: 1,
      sentAt: new Date('2025-01-01T00:00:00.000Z'),
      note: '2025-01-01T00:00:00.000Z',
    });
    for (const message of wire) {
      a.receive(message); // its own echo: ignored
      b.receive(message);
    }
    expect(seenA).toEqual([1]);
    // Only `…At` fields come back as Dates; a string that merely looks like a date stays a string.
    expect(seenB).toEqual([{ n: 1, sentAt: new Date('2025-01-01T00:00:00.000Z'), note: '2025-01-01T00:00:00.000Z' }]);
  });

  it('should send a burst of broadcasts as one message and deliver them in order', async () => {
    const a = new EventBus();
    const b = new EventBus();
    const wire: string[] = [];
    a.useRelay({ publish: async (m) => wire.push(m) });
    const seen: number[] = [];
    b.on('test.ping', (p) => void seen.push(p.n));
    await Promise.all([1, 2, 3, 4, 5].map((n) => a.broadcast('test.ping', { n, sentAt: new Date() })));
    await a.broadcast('test.ping', { n: 6, sentAt: new Date() });
    expect(wire).toHaveLength(2);
    for (const message of wire) b.receive(message);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('should not let a failing listener break the emitter', () => {
    const bus = new EventBus();
    bus.on('test.ping', () => {
      throw new Error('boom');
    });
    expect(() => bus.emit('test.ping', { n: 1, sentAt: new Date() })).not.toThrow();
  });
});
