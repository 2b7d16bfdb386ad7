import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { GraphqlSpanInterceptor } from './graphql-span.interceptor';
import { stopTracing } from './tracing';

/** Tracing itself starts in createApp (startTracing); this adds the GraphQL spans and flushes on shutdown. */
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: GraphqlSpanInterceptor }] })
export class TracingModule implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await stopTracing();
  }
}
