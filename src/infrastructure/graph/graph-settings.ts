export const GRAPH_SETTINGS = Symbol('GRAPH_SETTINGS');

export interface GraphBudgetSettings {
  enabled: boolean;
  windowMs: number;
  maxRequests: number;
  maxWrites: number;
  /** Fraction of each limit kept free, so clock skew between us and Graph never costs a 429. */
  safetyMargin: number;
}

export interface GraphSettings {
  graphBaseUrl: string;
  /** MSAL rejects http authorities, so this stays https even against the simulator. */
  authorityHost: string;
  /** When set, MSAL's authorityMetadata sends token requests to `${base}/${tid}/oauth2/v2.0/token` (the simulator). */
  tokenEndpointBaseUrl?: string;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  requestTimeoutMs: number;
  /** Consecutive unavailable answers (503/504, timeouts, network errors) from one tenant's Graph that open its circuit. */
  circuitFailures: number;
  /** How long an open circuit refuses calls before one probe may go through. */
  circuitHalfOpenMs: number;
  budget: GraphBudgetSettings;
  redisKeyPrefix: string;
}

/** Intune's documented per-app-per-tenant limits: 1,000 requests and 100 writes per 20 s. */
export const DEFAULT_GRAPH_SETTINGS: GraphSettings = {
  graphBaseUrl: 'https://graph.microsoft.com',
  authorityHost: 'https://login.microsoftonline.com',
  maxAttempts: 6,
  backoffBaseMs: 500,
  backoffCapMs: 30_000,
  requestTimeoutMs: 30_000,
  circuitFailures: 5,
  circuitHalfOpenMs: 30_000,
  budget: { enabled: true, windowMs: 20_000, maxRequests: 1000, maxWrites: 100, safetyMargin: 0.02 },
  redisKeyPrefix: 'ta',
};

type Env = Record<string, string | undefined>;

function numberFrom(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return value;
}

function booleanFrom(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(true|1|yes)$/i.test(raw)) return true;
  if (/^(false|0|no)$/i.test(raw)) return false;
  throw new Error(`${name} must be true or false, got "${raw}"`);
}

const withoutTrailingSlash = (url: string) => url.replace(/\/+$/, '');

/** Reads GRAPH_* settings; a bad value throws one clear line naming the variable. */
export function graphSettingsFromEnv(env: Env = process.env): GraphSettings {
  const d = DEFAULT_GRAPH_SETTINGS;
  const authorityHost = withoutTrailingSlash(env.GRAPH_AUTHORITY_HOST || d.authorityHost);
  if (!authorityHost.startsWith('https://'))
    throw new Error('GRAPH_AUTHORITY_HOST must be an https URL (MSAL rejects http authorities)');
  const tokenEndpointBaseUrl = env.GRAPH_TOKEN_ENDPOINT_BASE_URL
    ? withoutTrailingSlash(env.GRAPH_TOKEN_ENDPOINT_BASE_URL)
    : undefined;
  return {
    graphBaseUrl: withoutTrailingSlash(env.GRAPH_BASE_URL || d.graphBaseUrl),
    authorityHost,
    tokenEndpointBaseUrl,
    maxAttempts: Math.max(1, Math.floor(numberFrom(env, 'GRAPH_MAX_ATTEMPTS', d.maxAttempts))),
    backoffBaseMs: numberFrom(env, 'GRAPH_BACKOFF_BASE_MS', d.backoffBaseMs),
    backoffCapMs: numberFrom(env, 'GRAPH_BACKOFF_CAP_MS', d.backoffCapMs),
    requestTimeoutMs: numberFrom(env, 'GRAPH_REQUEST_TIMEOUT_MS', d.requestTimeoutMs),
    circuitFailures: Math.max(1, Math.floor(numberFrom(env, 'GRAPH_CIRCUIT_FAILURES', d.circuitFailures))),
    circuitHalfOpenMs: numberFrom(env, 'GRAPH_CIRCUIT_HALF_OPEN_MS', d.circuitHalfOpenMs),
    budget: {
      enabled: booleanFrom(env, 'GRAPH_BUDGET_ENABLED', d.budget.enabled),
      windowMs: numberFrom(env, 'GRAPH_BUDGET_WINDOW_MS', d.budget.windowMs),
      maxRequests: numberFrom(env, 'GRAPH_BUDGET_MAX_REQUESTS', d.budget.maxRequests),
      maxWrites: numberFrom(env, 'GRAPH_BUDGET_MAX_WRITES', d.budget.maxWrites),
      safetyMargin: numberFrom(env, 'GRAPH_BUDGET_SAFETY_MARGIN', d.budget.safetyMargin),
    },
    redisKeyPrefix: env.REDIS_PREFIX || d.redisKeyPrefix,
  };
}
