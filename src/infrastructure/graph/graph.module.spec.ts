import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { REDIS_CLIENT } from '../redis/redis.tokens';
import { GraphClientFactory } from './graph-client.factory';
import { GRAPH_SETTINGS, DEFAULT_GRAPH_SETTINGS } from './graph-settings';
import { GraphModule } from './graph.module';

@Global()
@Module({
  providers: [
    { provide: GRAPH_SETTINGS, useValue: { ...DEFAULT_GRAPH_SETTINGS, budget: { ...DEFAULT_GRAPH_SETTINGS.budget, enabled: false } } },
    { provide: REDIS_CLIENT, useValue: {} },
  ],
  exports: [GRAPH_SETTINGS, REDIS_CLIENT],
})
class GlobalsFromTheLead {}

describe('GraphModule', () => {
  it('provides GraphClientFactory from the global GRAPH_SETTINGS and REDIS_CLIENT', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [GlobalsFromTheLead, GraphModule] }).compile();
    expect(moduleRef.get(GraphClientFactory)).toBeInstanceOf(GraphClientFactory);
    await moduleRef.close();
  });
});
