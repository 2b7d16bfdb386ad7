import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import type { Express } from 'express';
import { AppModule } from './app.module';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import type { Environment } from './infrastructure/config/environment';
import { serveConsole } from './infrastructure/console';
import { parseTrustProxy } from './infrastructure/config/trust-proxy';
import { securityHeaders } from './infrastructure/http/security-headers';
import { HttpRateLimitMiddleware } from './infrastructure/rate-limit/http-rate-limit.middleware';
import { httpMetrics } from './infrastructure/metrics';
import { startTracing } from './infrastructure/tracing';

/** Builds the app for a validated environment; used by main.ts, the tests and the tools alike. */
export async function createApp(
  env: Environment,
  hooks: { traceExporter?: SpanExporter } = {},
): Promise<INestApplication> {
  startTracing(env, hooks.traceExporter); // before the app: its first spans need the provider
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRole(env), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', parseTrustProxy(env.TRUST_PROXY));
  // First in the chain, before Nest adds body parsing, request logging, the router and Apollo at init: a refused
  // request costs none of them (see the middleware's comment).
  app.use(httpMetrics); // counts what the limiter refuses too
  app.use(app.get(HttpRateLimitMiddleware).handle);
  (app.getHttpAdapter().getInstance() as Express).disable('x-powered-by');
  app.use(securityHeaders(env));
  if (env.APP_ROLE !== 'worker') serveConsole(app, env);
  app.enableShutdownHooks(); // SIGTERM: stop accepting, let workers finish or release their jobs, close pools
  return app;
}
