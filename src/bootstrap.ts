import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { Environment } from './infrastructure/config/environment';
import { parseTrustProxy } from './infrastructure/config/trust-proxy';
import { HttpRateLimitMiddleware } from './infrastructure/rate-limit/http-rate-limit.middleware';

/** Builds the app for a validated environment; used by main.ts, the tests and the tools alike. */
export async function createApp(env: Environment): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', parseTrustProxy(env.TRUST_PROXY));
  // First in the chain, before Nest adds body parsing, request logging, the router and Apollo at init: a refused
  // request costs none of them (see the middleware's comment).
  app.use(app.get(HttpRateLimitMiddleware).handle);
  app.enableShutdownHooks(); // SIGTERM: stop accepting, let workers finish or release their jobs, close pools
  return app;
}
