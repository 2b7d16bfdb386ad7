import { getEventListeners } from 'node:events';
import { sleep } from './sleep';

describe('sleep', () => {
  it('resolves after the given time, with or without a signal', async () => {
    const started = Date.now();
    await sleep(30);
    await sleep(30, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
  });

  it('rejects at once with the reason of a signal that is already aborted', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled before');
    controller.abort(reason);
    const started = Date.now();
    await expect(sleep(10_000, controller.signal)).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('rejects with the reason as soon as the signal aborts during the wait', async () => {
    const controller = new AbortController();
    const reason = new Error('cancelled during');
    const started = Date.now();
    setTimeout(() => controller.abort(reason), 20);
    await expect(sleep(10_000, controller.signal)).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('leaves no abort listener behind on a long-lived signal after many waits', async () => {
    const controller = new AbortController();
    for (let i = 0; i < 20; i++) await sleep(1, controller.signal);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
    await Promise.all(Array.from({ length: 5 }, () => sleep(1, controller.signal)));
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
