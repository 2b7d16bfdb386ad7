import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';
import { parseTrustProxy, trustProxyFn } from './trust-proxy';

const toBool = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['1', 'true', 'yes', 'on'].includes(value.toLowerCase()) : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
const PG_URL = { protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true };
const REDIS_URL = { protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true };
const HTTP_URL = { protocols: ['http', 'https'], require_tld: false, require_protocol: true };

/**
 * Every setting the app reads, with defaults that work on a laptop with local PostgreSQL and Redis.
 * Production must set ENCRYPTION_KEY and AUTH_ALLOWED_TENANTS explicitly (checked in validateEnvironment).
 */
export class Environment {
  @IsIn(['development', 'test', 'production']) NODE_ENV: 'development' | 'test' | 'production' = 'development';
  @IsIn(['api', 'worker', 'all']) APP_ROLE: 'api' | 'worker' | 'all' = 'all';
  @Transform(toInt) @IsInt() @Min(0) @Max(65535) PORT = 3000;
  @IsString() HOST = '127.0.0.1';
  @IsOptional() @Transform(toInt) @IsInt() @Min(0) @Max(65535) METRICS_PORT?: number;
  @IsString() METRICS_HOST = '127.0.0.1';
  @IsOptional() @IsString() @MinLength(16) METRICS_TOKEN?: string;
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']) LOG_LEVEL = 'info';
  /** OTLP/HTTP collector base URL (traces go to `<url>/v1/traces`); unset: tracing is off. */
  @IsOptional() @IsUrl(HTTP_URL) OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  @IsUrl(PG_URL) DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/tenantatlas';
  @Transform(toBool) @IsBoolean() DATABASE_AUTO_CREATE = true;
  @Transform(toBool) @IsBoolean() MIGRATIONS_RUN = true;
  @Transform(toInt) @IsInt() @Min(1) @Max(200) DATABASE_POOL_SIZE = 10;

  @IsUrl(REDIS_URL) REDIS_URL = 'redis://127.0.0.1:6379';
  @Matches(/^[A-Za-z0-9:_-]{1,64}$/) REDIS_PREFIX = 'ta';

  /** JWKS of the identity provider that signs our users' access tokens ({tid} is replaced by the token's tenant). */
  @IsUrl(HTTP_URL) AUTH_JWKS_URL = 'http://127.0.0.1:4010/common/discovery/v2.0/keys';
  /** Comma-separated accepted issuers; `{tid}` stands for the token's own tid (multi-tenant Entra apps). */
  @IsString() @MinLength(1) AUTH_ISSUER = 'https://login.microsoftonline.com/{tid}/v2.0,https://sts.windows.net/{tid}/';
  @IsString() @MinLength(1) AUTH_AUDIENCE = 'api://tenantatlas';
  @Transform(toInt) @IsInt() @Min(0) @Max(600) AUTH_CLOCK_SKEW_SEC = 60;
  /** Key sets kept in memory (one per token tenant, least recently used evicted). */
  @Transform(toInt) @IsInt() @Min(1) @Max(100000) AUTH_JWKS_CACHE_SIZE = 1000;
  /** Key sets of tenants not in the cache fetched per minute and process; tokens of further new tenants are refused. */
  @Transform(toInt) @IsInt() @Min(1) AUTH_JWKS_FETCHES_PER_MINUTE = 60;
  /** Optional comma-separated Entra tenant ids whose users may sign in at all (empty = any). */
  @IsOptional() @IsString() AUTH_ALLOWED_TENANTS = '';
  /** Comma-separated UPNs who are platform admins (bootstrap). */
  @IsOptional() @IsString() ADMIN_UPNS = '';

  /** base64 of 32 random bytes (AES-256-GCM) for tenant credentials at rest. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'ENCRYPTION_KEY must be base64 of exactly 32 bytes' })
  ENCRYPTION_KEY = 'ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=';
  @Matches(/^[A-Za-z0-9_-]{1,32}$/) ENCRYPTION_KEY_ID = 'dev';
  /** Older keys still able to decrypt, `id:base64key` comma-separated (key rotation). */
  @IsOptional() @IsString() ENCRYPTION_PREVIOUS_KEYS = '';

  @IsUrl(HTTP_URL) GRAPH_BASE_URL = 'https://graph.microsoft.com';
  @IsUrl({ ...HTTP_URL, protocols: ['https'] }) GRAPH_AUTHORITY_HOST = 'https://login.microsoftonline.com';
  @IsOptional() @IsUrl(HTTP_URL) GRAPH_TOKEN_ENDPOINT_BASE_URL?: string;
  @Transform(toInt) @IsInt() @Min(1) @Max(20) GRAPH_MAX_ATTEMPTS = 6;
  @Transform(toInt) @IsInt() @Min(1) GRAPH_BACKOFF_BASE_MS = 500;
  @Transform(toInt) @IsInt() @Min(1) GRAPH_BACKOFF_CAP_MS = 30000;
  @Transform(toInt) @IsInt() @Min(100) GRAPH_REQUEST_TIMEOUT_MS = 30000;
  @Transform(toInt) @IsInt() @Min(1) GRAPH_CIRCUIT_FAILURES = 5;
  @Transform(toInt) @IsInt() @Min(100) GRAPH_CIRCUIT_HALF_OPEN_MS = 30000;
  @Transform(toBool) @IsBoolean() GRAPH_BUDGET_ENABLED = true;
  @Transform(toInt) @IsInt() @Min(10) GRAPH_BUDGET_WINDOW_MS = 20000;
  @Transform(toInt) @IsInt() @Min(1) GRAPH_BUDGET_MAX_REQUESTS = 1000;
  @Transform(toInt) @IsInt() @Min(1) GRAPH_BUDGET_MAX_WRITES = 100;
  /** Share of each limit the client leaves unused, for clock skew between our budget and Graph's window (0–0.5). */
  @Transform(({ value }) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value))
  @Min(0)
  @Max(0.5)
  GRAPH_BUDGET_SAFETY_MARGIN = 0.02;

  @Transform(toInt) @IsInt() @Min(1) @Max(64) WORKER_CONCURRENCY = 4;
  /** `$top` of inventory listing requests (Graph caps it per collection; smaller pages = more requests). */
  @Transform(toInt) @IsInt() @Min(1) @Max(999) INVENTORY_PAGE_SIZE = 100;
  /** Shortest allowed gap between two inventory schedule ticks (s). Lower only in tests (below 60 a cron may carry a seconds field); production refuses < 300. */
  @Transform(toInt) @IsInt() @Min(1) @Max(86400) INVENTORY_SCHEDULE_MIN_GAP_SECONDS = 300;
  /** A server folder `importBackup` may read archives from (demo, scripted setups); unset = imports are uploads only. */
  @IsOptional() @IsString() BACKUP_IMPORT_DIR = '';

  /** How long a restore plan may wait for its confirmation (minutes). */
  @Transform(toInt) @IsInt() @Min(1) @Max(1440) RESTORE_PLAN_TTL_MINUTES = 30;
  @Transform(toInt) @IsInt() @Min(1000) RECONCILER_INTERVAL_MS = 15000;
  @Transform(toInt) @IsInt() @Min(1000) REAPER_INTERVAL_MS = 15000;
  /** Outbox: how often a worker relays events their process did not publish, and how old such an event must be first. */
  @Transform(toInt) @IsInt() @Min(100) OUTBOX_RELAY_INTERVAL_MS = 2000;
  @Transform(toInt) @IsInt() @Min(0) OUTBOX_GRACE_MS = 10000;
  /** Test-only fault (refused outside NODE_ENV=test): the process kills itself after committing this event, before publishing it. */
  @IsOptional() @IsString() OUTBOX_TEST_KILL_BEFORE_PUBLISH = '';
  /** Operation runs: enqueue give-up time (then the run fails), heartbeat cadence, default dead-worker limit, reconciler grace, lock retry delay, progress write coalescing. */
  @Transform(toInt) @IsInt() @Min(100) RUN_ENQUEUE_TIMEOUT_MS = 5000;
  @Transform(toInt) @IsInt() @Min(100) RUN_HEARTBEAT_INTERVAL_MS = 5000;
  @Transform(toInt) @IsInt() @Min(500) RUN_HEARTBEAT_TIMEOUT_MS = 30000;
  @Transform(toInt) @IsInt() @Min(0) RECONCILER_GRACE_MS = 30000;
  @Transform(toInt) @IsInt() @Min(10) RUN_LOCK_RETRY_MS = 1000;
  @Transform(toInt) @IsInt() @Min(0) RUN_PROGRESS_FLUSH_MS = 1000;
  /** On SIGTERM a worker lets active runs finish for this long, then hands the rest back (retry or timed_out) and exits. */
  @Transform(toInt) @IsInt() @Min(0) RUN_SHUTDOWN_GRACE_MS = 20000;
  /** The console's sign-in (OpenID Connect, authorization code + PKCE): its SPA app registration's client id… */
  @IsOptional() @IsString() CONSOLE_CLIENT_ID = '';
  /** …the authority it signs in at (Entra: https://login.microsoftonline.com/<your tenant id>/v2.0)… */
  @IsOptional() @IsUrl(HTTP_URL) CONSOLE_AUTHORITY?: string;
  /** …and the API scope(s) it asks for, space-separated (default: `<first AUTH_AUDIENCE>/access_as_user`). */
  @IsOptional() @IsString() CONSOLE_SCOPES = '';
  /** Folder of the built console (index.html + assets); default: dist/web next to the app. */
  @IsOptional() @IsString() CONSOLE_DIR = '';

  /** Express `trust proxy`: whose X-Forwarded-For names the client (false, true, a hop count, loopback, CIDRs). */
  @IsString() TRUST_PROXY = 'false';
  /**
   * Request limits (rate-limiter-flexible on Redis, shared by every api process), per RATE_LIMIT_WINDOW_SECONDS. The
   * window is one second on purpose: a whole window's allowance can arrive at once, and 10 s of a flooder's heavy
   * queries in one burst stalled the other users (bench:flood, second user p95 400 ms vs 96 ms with 1 s windows).
   */
  @Transform(toBool) @IsBoolean() RATE_LIMIT_ENABLED = true;
  @Transform(toInt) @IsInt() @Min(1) @Max(3600) RATE_LIMIT_WINDOW_SECONDS = 1;
  /** GraphQL operations (HTTP requests and WebSocket subscribes) per signed-in user. */
  @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_USER_REQUESTS = 20;
  /** GraphQL requests of signed-in users per client address, all users behind it together. */
  @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_IP_REQUESTS = 200;
  /** GraphQL requests per client address whose token is missing, invalid or not yet seen (before any token work). */
  @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_ANONYMOUS_REQUESTS = 20;
  /** Requests to other paths (the web console's static files) per client address. */
  @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_STATIC_REQUESTS = 100;
  /** WebSocket connection attempts per client address. */
  @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_WS_CONNECTIONS = 5;
  /** Messages per WebSocket connection (then it is closed with 4429). */
  @Transform(toInt) @IsInt() @Min(1) RATE_LIMIT_WS_MESSAGES = 50;
  /** How long a subscription reuses an access decision (ms; 0 = check every event): revoked access stops deliveries within it. */
  @Transform(toInt) @IsInt() @Min(0) @Max(60000) SUBSCRIPTION_ACCESS_TTL_MS = 5000;
}

export class ConfigValidationError extends Error {
  override name = 'ConfigValidationError';
}

/** Validates process.env; throws one line naming the first bad setting (start-up prints it and exits). */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const defined = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined && v !== ''));
  const env = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false, whitelist: false });
  if (errors.length) {
    const first = errors[0];
    const shown =
      first.value === undefined ? 'missing' : JSON.stringify(redactSettingValue(first.property, first.value));
    const reason = Object.values(first.constraints ?? {})[0] ?? 'invalid';
    throw new ConfigValidationError(`Invalid configuration: ${first.property} (${shown}): ${reason}`);
  }
  if (env.NODE_ENV === 'production' && env.ENCRYPTION_KEY === new Environment().ENCRYPTION_KEY) {
    throw new ConfigValidationError(
      'Invalid configuration: ENCRYPTION_KEY must be set in production (the development key is public)',
    );
  }
  // ADMIN_UPNS and pending UPN grants match the token's username claim, which only the user's own directory vouches
  // for: in production only the MSP's own tenant(s) may sign in at all.
  if (env.NODE_ENV === 'production' && !csvHasValue(env.AUTH_ALLOWED_TENANTS)) {
    throw new ConfigValidationError(
      'Invalid configuration: AUTH_ALLOWED_TENANTS must list the Entra tenant id(s) whose users may sign in (production)',
    );
  }
  if (env.NODE_ENV !== 'test' && env.OUTBOX_TEST_KILL_BEFORE_PUBLISH) {
    throw new ConfigValidationError('Invalid configuration: OUTBOX_TEST_KILL_BEFORE_PUBLISH is a test-only fault');
  }
  try {
    trustProxyFn(parseTrustProxy(env.TRUST_PROXY));
  } catch (error) {
    throw new ConfigValidationError(
      `Invalid configuration: TRUST_PROXY (${JSON.stringify(env.TRUST_PROXY)}): ${(error as Error).message}`,
    );
  }
  // The 5-minute schedule minimum protects tenants' Graph budgets; a shorter gap exists only so tests can watch real ticks.
  if (env.NODE_ENV === 'production' && env.INVENTORY_SCHEDULE_MIN_GAP_SECONDS < 300) {
    throw new ConfigValidationError(
      'Invalid configuration: INVENTORY_SCHEDULE_MIN_GAP_SECONDS must be at least 300 in production',
    );
  }
  if (env.CONSOLE_CLIENT_ID && !env.CONSOLE_AUTHORITY) {
    throw new ConfigValidationError('Invalid configuration: CONSOLE_AUTHORITY must be set with CONSOLE_CLIENT_ID');
  }
  return env;
}

function csvHasValue(value: string | undefined): boolean {
  return (value ?? '').split(',').some((part) => part.trim() !== '');
}

function redactSettingValue(property: string, value: unknown): unknown {
  if (/KEY|SECRET|PASSWORD/i.test(property)) return '[redacted]';
  if (typeof value === 'string' && /:\/\/[^@/]*:[^@/]*@/.test(value))
    return value.replace(/:\/\/([^:@/]*):[^@/]*@/, '://$1:***@');
  return value;
}
