import { type Environment, validateEnvironment } from '../../src/infrastructure/config/environment';
import { TEST_AUDIENCE } from './test-issuer';

/** Settings for an app under test: this run's database and Redis prefix (global setup), quiet logs (unless LOG_LEVEL), any port. */
export function testEnvironment(overrides: Record<string, string | number | boolean | undefined> = {}): Environment {
  return validateEnvironment({
    NODE_ENV: 'test',
    APP_ROLE: 'all',
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? process.env.TEST_LOG_LEVEL ?? 'silent',
    DATABASE_URL: process.env.DATABASE_URL,
    DATABASE_AUTO_CREATE: 'false',
    MIGRATIONS_RUN: 'false', // the global setup migrated this run's database once
    REDIS_URL: process.env.REDIS_URL,
    REDIS_PREFIX: process.env.REDIS_PREFIX,
    AUTH_AUDIENCE: TEST_AUDIENCE,
    // Limits on (the middleware runs in every test) but far above what any test sends; rate-limit tests set their own.
    RATE_LIMIT_USER_REQUESTS: '1000000',
    RATE_LIMIT_IP_REQUESTS: '1000000',
    RATE_LIMIT_ANONYMOUS_REQUESTS: '1000000',
    RATE_LIMIT_STATIC_REQUESTS: '1000000',
    RATE_LIMIT_WS_CONNECTIONS: '1000000',
    RATE_LIMIT_WS_MESSAGES: '1000000',
    RECONCILER_INTERVAL_MS: '2000',
    REAPER_INTERVAL_MS: '2000',
    ...Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, v === undefined ? undefined : String(v)])),
  });
}
