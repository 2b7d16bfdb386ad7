import { spawnApp, waitForExit } from '../../support/spawn-app';
import { validateEnvironment } from '../../../src/infrastructure/config/environment';

describe('configuration', () => {
  it.each([
    [{ DATABASE_URL: 'nope' }, 'DATABASE_URL'],
    [{ APP_ROLE: 'scheduler' }, 'APP_ROLE'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ ENCRYPTION_KEY: 'too-short' }, 'ENCRYPTION_KEY'],
  ])('start-up with %j exits non-zero with one line naming %s', async (env, setting) => {
    const { code, stdout, stderr } = await waitForExit(spawnApp(env));
    expect(code).not.toBe(0);
    const lines = stderr
      .trim()
      .split('\n')
      .filter((l) => !/ExperimentalWarning|--trace-warnings/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(setting);
    expect(lines[0]).not.toMatch(/\bat .+:\d+:\d+/);
    expect(stdout).toBe('');
  });

  it('never echoes a secret value in the error line', () => {
    expect(() => validateEnvironment({ ENCRYPTION_KEY: 'my-super-secret' })).toThrow(
      /ENCRYPTION_KEY \("\[redacted\]"\)/,
    );
  });

  it('production refuses the public development encryption key', () => {
    expect(() => validateEnvironment({ NODE_ENV: 'production' })).toThrow(/ENCRYPTION_KEY must be set in production/);
  });

  it('production requires the list of tenants whose users may sign in', () => {
    const key = Buffer.alloc(32, 7).toString('base64');
    expect(() => validateEnvironment({ NODE_ENV: 'production', ENCRYPTION_KEY: key })).toThrow(
      /AUTH_ALLOWED_TENANTS must list/,
    );
    expect(
      validateEnvironment({
        NODE_ENV: 'production',
        ENCRYPTION_KEY: key,
        AUTH_ALLOWED_TENANTS: '11111111-1111-4111-8111-111111111111',
      }).NODE_ENV,
    ).toBe('production');
  });

  it('refuses a TRUST_PROXY that is not a hop count, a name or an address, naming the setting', () => {
    expect(() => validateEnvironment({ TRUST_PROXY: 'proxy.example.com' })).toThrow(
      /^Invalid configuration: TRUST_PROXY/,
    );
    expect(validateEnvironment({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toBe('loopback, 10.0.0.0/8');
  });

  it('defaults work on a laptop with local PostgreSQL and Redis', () => {
    const env = validateEnvironment({});
    expect(env).toMatchObject({
      APP_ROLE: 'all',
      PORT: 3000,
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tenantatlas',
      REDIS_URL: 'redis://127.0.0.1:6379',
      MIGRATIONS_RUN: true,
    });
  });
});
