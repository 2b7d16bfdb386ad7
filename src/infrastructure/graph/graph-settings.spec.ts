import { DEFAULT_GRAPH_SETTINGS, graphSettingsFromEnv } from './graph-settings';

describe('graph settings', () => {
  it('defaults to Graph, Entra and Intune limits', () => {
    expect(graphSettingsFromEnv({})).toEqual(DEFAULT_GRAPH_SETTINGS);
  });

  it('reads every GRAPH_* variable', () => {
    const s = graphSettingsFromEnv({
      GRAPH_BASE_URL: 'http://127.0.0.1:4010/',
      GRAPH_TOKEN_ENDPOINT_BASE_URL: 'http://127.0.0.1:4010',
      GRAPH_MAX_ATTEMPTS: '3',
      GRAPH_BUDGET_WINDOW_MS: '300',
      GRAPH_BUDGET_ENABLED: 'false',
      REDIS_PREFIX: 'p',
    });
    expect(s).toMatchObject({
      graphBaseUrl: 'http://127.0.0.1:4010',
      tokenEndpointBaseUrl: 'http://127.0.0.1:4010',
      maxAttempts: 3,
      redisKeyPrefix: 'p',
    });
    expect(s.budget).toMatchObject({ windowMs: 300, enabled: false });
  });

  it('refuses an http authority, which MSAL would reject later', () => {
    expect(() => graphSettingsFromEnv({ GRAPH_AUTHORITY_HOST: 'http://login.local' })).toThrow(
      'GRAPH_AUTHORITY_HOST must be an https URL',
    );
  });

  it('names the variable holding a bad number', () => {
    expect(() => graphSettingsFromEnv({ GRAPH_MAX_ATTEMPTS: 'many' })).toThrow('GRAPH_MAX_ATTEMPTS');
  });
});
