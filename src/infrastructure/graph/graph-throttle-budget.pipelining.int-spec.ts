/**
 * The shared Redis client pipelines commands automatically. A Lua command defined on the client after an automatic
 * pipeline was opened is missing on that pipeline: ioredis then failed every caller in it ("pipeline[functionName]
 * is not a function", then "results[i] is not iterable") and the Graph call hung.
 */
import { createRedis, closeRedis } from '../redis/redis.module';
import { GraphThrottleBudget } from './graph-throttle-budget';
import { testGraphSettings } from './testing/graph-test-context';

describe('Graph throttle budget on an auto-pipelining Redis client', () => {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const shared = createRedis(url, 'budget-pipelining-test', { autoPipelining: true });
  afterAll(() => closeRedis(shared));

  it('reserves while other traffic of the same tick is already pipelined', async () => {
    const settings = testGraphSettings('http://127.0.0.1:9', {
      budget: { enabled: true, windowMs: 1000, maxRequests: 100, maxWrites: 10, safetyMargin: 0 },
    });
    await shared.ping();
    // Other traffic (rate limits, caches) opens this tick's pipeline before the budget's first command.
    const other = Promise.all(Array.from({ length: 5 }, (_, i) => shared.get(`${settings.redisKeyPrefix}:other:${i}`)));
    const budget = new GraphThrottleBudget(shared, settings.budget, settings.redisKeyPrefix);
    const identity = { entraTenantId: 'pipelining-tenant', clientId: 'pipelining-app' };
    const waits = Promise.all(Array.from({ length: 10 }, () => budget.reserve(identity, { requests: 1, writes: 0 })));
    await expect(other).resolves.toEqual(Array(5).fill(null));
    await expect(waits).resolves.toEqual(Array(10).fill(expect.any(Number)));
    const state = await budget.getBudgetState(identity.entraTenantId, identity.clientId);
    expect(state.requestsInWindow).toBe(10);
  });
});
