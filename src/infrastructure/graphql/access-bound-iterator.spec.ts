import { PubSub } from 'graphql-subscriptions';
import { ACCESS_LOST, AccessBoundIterator } from './access-bound-iterator';

describe('AccessBoundIterator', () => {
  const source = () => {
    const pubsub = new PubSub<{ t: number }>();
    return { pubsub, iterator: pubsub.asyncIterableIterator<number>('t') };
  };

  it('delivers accepted payloads while access holds, then ACCESS_LOST once, then is done', async () => {
    const { pubsub, iterator } = source();
    let allowed = true;
    const bound = new AccessBoundIterator(iterator, {
      accepts: (n) => n % 2 === 0,
      stillAllowed: async () => allowed,
      recheckMs: 60_000,
    });
    const first = bound.next();
    await pubsub.publish('t', 1);
    await pubsub.publish('t', 2);
    expect(await first).toEqual({ done: false, value: 2 });
    allowed = false;
    const second = bound.next();
    await pubsub.publish('t', 4);
    expect(await second).toEqual({ done: false, value: ACCESS_LOST });
    expect(await bound.next()).toEqual({ done: true, value: undefined });
  });

  it('notices a revoke without any event (periodic check) and releases its source when returned while waiting', async () => {
    const { iterator } = source();
    const released = jest.spyOn(iterator, 'return');
    let allowed = true;
    const bound = new AccessBoundIterator(iterator, {
      accepts: () => true,
      stillAllowed: async () => allowed,
      recheckMs: 250,
    });
    const waiting = bound.next();
    allowed = false;
    expect(await waiting).toEqual({ done: false, value: ACCESS_LOST });
    expect(released).toHaveBeenCalled();

    const other = source();
    const otherReleased = jest.spyOn(other.iterator, 'return');
    const idle = new AccessBoundIterator(other.iterator, {
      accepts: () => true,
      stillAllowed: async () => true,
      recheckMs: 60_000,
    });
    void idle.next();
    await idle.return();
    expect(otherReleased).toHaveBeenCalled();
  });
});
