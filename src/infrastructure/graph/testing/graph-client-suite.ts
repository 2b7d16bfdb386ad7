import Redis from 'ioredis';
import {
  startGraphSimulator,
  type GraphSimulator,
  type GraphSimulatorOptions,
  type ThrottleOptions,
} from '../../../graph-simulator';
import { appToken, graph } from '../../../graph-simulator/test-helpers';
import { GraphClientFactory } from '../graph-client.factory';
import { GraphSettings } from '../graph-settings';
import {
  CapturingLogger,
  captureLogs,
  captureProcessOutput,
  testFactory,
  testGraphSettings,
  testRedis,
} from './graph-test-context';
import { addSimTenant, type SimTestTenant } from './simulator-context';
import { startTokenEndpointTap, type TokenEndpointTap } from './token-endpoint-tap';

/** Intune's real limits: generous enough that only the tests that tighten them see a 429. */
export const INTUNE_THROTTLE: ThrottleOptions = {
  enabled: true,
  windowMs: 20_000,
  maxRequests: 1000,
  maxWrites: 100,
  retryAfterMode: 'header',
};

/**
 * What the `graph-client.*.int-spec.ts` files share: the Graph simulator over real HTTP with Intune's limits,
 * real MSAL whose token requests pass a tap, real Redis (the budget, under a random key prefix), and every line
 * logged meanwhile. Each file calls `start` / `stop` / `reset` from its hooks; each test takes a fresh `tenant()`.
 */
export class GraphClientSuite {
  sim!: GraphSimulator;
  tap!: TokenEndpointTap;
  redis!: Redis;
  logs!: CapturingLogger;
  output!: ReturnType<typeof captureProcessOutput>;
  /** Every credential and token the file handled: none may show up in a log line. */
  readonly secrets: string[] = [];

  constructor(private readonly simulatorOptions: GraphSimulatorOptions = {}) {}

  async start(): Promise<void> {
    this.logs = captureLogs();
    this.output = captureProcessOutput();
    this.redis = testRedis();
    this.sim = await startGraphSimulator({ throttle: INTUNE_THROTTLE, ...this.simulatorOptions });
    this.tap = await startTokenEndpointTap(this.sim.url);
  }

  async stop(): Promise<void> {
    this.output.restore();
    await this.tap.close();
    await this.sim.close();
    this.redis.disconnect();
  }

  /** Before each test: Intune's limits and no injected faults. */
  reset(): void {
    this.sim.setThrottle(INTUNE_THROTTLE);
    this.sim.setFaults('*', { fail503Count: 0, fail503Rate: 0, latencyMs: 0, missingPermissions: [] });
  }

  settings = (overrides: Partial<GraphSettings> = {}): GraphSettings => ({
    ...testGraphSettings(this.sim.url, overrides),
    tokenEndpointBaseUrl: this.tap.url,
  });

  factory = (overrides: Partial<GraphSettings> = {}): GraphClientFactory =>
    testFactory(this.settings(overrides), this.redis);

  tenant = (opts: Parameters<typeof addSimTenant>[1] = {}): SimTestTenant => {
    const t = addSimTenant(this.sim, opts);
    this.secrets.push(t.secret);
    return t;
  };

  /** A token fetched around the GraphClient, to fill the simulator's throttle window for the same app. */
  rawToken = async (tenantId: string): Promise<string> => {
    const token = await appToken(this.sim, tenantId);
    this.secrets.push(token);
    return token;
  };

  /** `n` reads outside the GraphClient (and its budget), each answered 200. */
  fillWindow = async (token: string, n: number): Promise<void> => {
    for (let i = 0; i < n; i++) {
      const { status } = await graph(this.sim, token, '/beta/deviceManagement/deviceConfigurations?$top=1');
      if (status !== 200) throw new Error(`filling the throttle window: expected 200, got ${status}`);
    }
  };

  warnLines = (): string[] => this.logs.lines.filter((l) => l.startsWith('warn '));

  /** Every line captured from the Nest Logger, stdout, stderr and the console, for log hygiene checks. */
  capturedText = (): string => [...this.logs.lines, ...this.output.lines].join('\n');

  /**
   * What the captured lines hold that they never may: this file's secrets, every token the tap saw, key material,
   * anything token-shaped. Named, not quoted, so a failing test does not print the secret either.
   */
  logLeaks = (): string[] => {
    const all = this.capturedText();
    return [
      ...this.secrets.map((secret, i) => (all.includes(secret) ? `secret #${i}` : '')),
      ...this.tap.accessTokens.map((token, i) => (all.includes(token) ? `access token #${i}` : '')),
      all.includes('PRIVATE KEY') ? 'PRIVATE KEY' : '',
      /eyJ[A-Za-z0-9_-]{10,}/.test(all) ? 'a JWT (eyJ…)' : '',
      /Bearer [^[\s]/.test(all) ? 'a bearer token' : '',
    ].filter(Boolean);
  };
}
