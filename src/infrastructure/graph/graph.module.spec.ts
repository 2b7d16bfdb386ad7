import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { AppConfig } from '../config/app-config';
import { validateEnvironment } from '../config/environment';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import { GraphClientFactory } from './graph-client.factory';
import { GRAPH_SETTINGS, type GraphSettings } from './graph-settings';
import { GraphModule } from './graph.module';

@Global()
@Module({
  providers: [
    {
      provide: AppConfig,
      useValue: {
        env: validateEnvironment({
          GRAPH_BUDGET_MAX_WRITES: '50',
          GRAPH_TOKEN_ENDPOINT_BASE_URL: 'http://127.0.0.1:4010',
        }),
      },
    },
    { provide: REDIS_CLIENT, useValue: {} },
  ],
  exports: [AppConfig, REDIS_CLIENT],
})
class AppGlobals {}

describe('GraphModule', () => {
  it('provides GraphClientFactory and derives GRAPH_SETTINGS from the validated app config', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [AppGlobals, GraphModule] }).compile();
    expect(moduleRef.get(GraphClientFactory)).toBeInstanceOf(GraphClientFactory);
    const settings = moduleRef.get<GraphSettings>(GRAPH_SETTINGS);
    expect(settings.budget.maxWrites).toBe(50);
    expect(settings.tokenEndpointBaseUrl).toBe('http://127.0.0.1:4010');
    await moduleRef.close();
  });
});
