import { randomUUID } from 'node:crypto';
import type Redis from 'ioredis';
import { PAUSE_SCRIPT, RESERVE_SCRIPT, STATE_SCRIPT } from './graph-throttle-budget.lua';
import { GraphBudgetSettings } from './graph-settings';
import { sleep } from '../../shared/sleep';

export interface BudgetState {
  requestsInWindow: number;
  writesInWindow: number;
  requestsLeft: number;
  writesLeft: number;
  /** When a 429 paused every process for this app and tenant; null when not paused. */
  throttledUntil: Date | null;
}

export interface BudgetIdentity {
  entraTenantId: string;
  clientId: string;
}

/** The budget's Lua scripts as ioredis commands: EVALSHA, falling back to EVAL on NOSCRIPT (ioredis does both). */
interface BudgetCommands {
  graphBudgetReserve(...keysThenArgs: Array<string | number>): Promise<number>;
  graphBudgetPause(...keysThenArgs: Array<string | number>): Promise<number>;
  graphBudgetState(...keysThenArgs: Array<string | number>): Promise<number[]>;
}

const WITH_BUDGET_COMMANDS = new WeakSet<Redis>();

const BUDGET_COMMANDS = ['graphBudgetReserve', 'graphBudgetPause', 'graphBudgetState'] as const;

/**
 * Defines the commands once per client, so each script is hashed once, not per budget or per Graph request. They
 * bypass automatic pipelining: an automatic pipeline opened before a command was defined lacks it, and ioredis
 * then fails every caller in that pipeline ("pipeline[functionName] is not a function"), hanging Graph calls.
 */
function withBudgetCommands(redis: Redis): Redis & BudgetCommands {
  if (!WITH_BUDGET_COMMANDS.has(redis)) {
    const ignored = (redis.options.autoPipeliningIgnoredCommands ??= []);
    ignored.push(...BUDGET_COMMANDS.filter((name) => !ignored.includes(name)));
    redis.defineCommand('graphBudgetReserve', { numberOfKeys: 3, lua: RESERVE_SCRIPT });
    redis.defineCommand('graphBudgetPause', { numberOfKeys: 1, lua: PAUSE_SCRIPT });
    redis.defineCommand('graphBudgetState', { numberOfKeys: 3, lua: STATE_SCRIPT });
    WITH_BUDGET_COMMANDS.add(redis);
  }
  return redis as Redis & BudgetCommands;
}

/**
 * Intune throttles per app per tenant over a sliding window. This keeps a sliding-window log of our own
 * requests in Redis (shared by every process) and makes callers wait for a free slot instead of spending a
 * 429, which Graph counts against the limit too.
 */
export class GraphThrottleBudget {
  private readonly maxRequests: number;
  private readonly maxWrites: number;

  constructor(
    private readonly redis: Redis,
    private readonly settings: GraphBudgetSettings,
    private readonly keyPrefix: string,
  ) {
    this.maxRequests = Math.max(1, Math.floor(settings.maxRequests * (1 - settings.safetyMargin)));
    this.maxWrites = Math.max(1, Math.floor(settings.maxWrites * (1 - settings.safetyMargin)));
  }

  get enabled(): boolean {
    return this.settings.enabled;
  }

  /** Waits until `requests` slots (of which `writes` are writes) are free, takes them, returns the ms waited. */
  async reserve(
    identity: BudgetIdentity,
    cost: { requests: number; writes: number },
    signal?: AbortSignal,
  ): Promise<number> {
    if (!this.settings.enabled) return 0;
    // A batch larger than the whole budget could never fit: take the whole budget instead.
    const requests = Math.min(Math.max(1, cost.requests), this.maxRequests);
    const writes = Math.min(cost.writes, this.maxWrites, requests);
    const started = Date.now();
    for (;;) {
      signal?.throwIfAborted();
      const wait = Number(
        await this.commands.graphBudgetReserve(
          ...this.keys(identity),
          this.settings.windowMs,
          this.maxRequests,
          this.maxWrites,
          requests,
          writes,
          randomUUID(),
        ),
      );
      if (wait <= 0) return Date.now() - started;
      await sleep(wait, signal);
    }
  }

  /** After a 429 anyway: pause every process using this app in this tenant. */
  async pause(identity: BudgetIdentity, pauseMs: number): Promise<void> {
    if (!this.settings.enabled || pauseMs <= 0) return;
    await this.commands.graphBudgetPause(this.keys(identity)[2], Math.ceil(pauseMs));
  }

  async getBudgetState(entraTenantId: string, clientId: string): Promise<BudgetState> {
    const [requestsInWindow, writesInWindow, pausedUntil, now] = await this.commands.graphBudgetState(
      ...this.keys({ entraTenantId, clientId }),
      this.settings.windowMs,
    );
    return {
      requestsInWindow,
      writesInWindow,
      requestsLeft: Math.max(0, this.maxRequests - requestsInWindow),
      writesLeft: Math.max(0, this.maxWrites - writesInWindow),
      throttledUntil: pausedUntil > now ? new Date(pausedUntil) : null,
    };
  }

  /** Defined on first use, not in the constructor: building the factory touches no Redis. */
  private get commands(): BudgetCommands {
    return withBudgetCommands(this.redis);
  }

  private keys({ entraTenantId, clientId }: BudgetIdentity): string[] {
    // The hash tag keeps the three keys in one cluster slot, as a multi-key script needs.
    const base = `${this.keyPrefix}:graph-budget:{${entraTenantId.toLowerCase()}:${clientId.toLowerCase()}}`;
    return [`${base}:requests`, `${base}:writes`, `${base}:throttled-until`];
  }
}
