import { Module } from '@nestjs/common';
import { GraphClientFactory } from './graph-client.factory';

/** GRAPH_SETTINGS and REDIS_CLIENT come from global providers (the app's config and Redis modules). */
@Module({
  providers: [GraphClientFactory],
  exports: [GraphClientFactory],
})
export class GraphModule {}
