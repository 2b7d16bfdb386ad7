import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { GraphClientFactory } from './graph-client.factory';
import { GRAPH_SETTINGS, graphSettingsFromEnv } from './graph-settings';

/** The one path to Microsoft Graph. REDIS_CLIENT comes from the global Redis module. */
@Global()
@Module({
  providers: [
    {
      provide: GRAPH_SETTINGS,
      inject: [AppConfig],
      useFactory: ({ env }: AppConfig) =>
        graphSettingsFromEnv(
          Object.fromEntries(
            Object.entries(env)
              .filter(([, v]) => v !== undefined)
              .map(([k, v]) => [k, String(v)]),
          ),
        ),
    },
    GraphClientFactory,
  ],
  exports: [GraphClientFactory, GRAPH_SETTINGS],
})
export class GraphModule {}
