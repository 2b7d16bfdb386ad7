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
    RECONCILER_INTERVAL_MS: '2000',
    REAPER_INTERVAL_MS: '2000',
    ...Object.fromEntries(Object.entries(overrides).map(([k, v]) => [k, v === undefined ? undefined : String(v)])),
  });
}
