import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { Environment } from './infrastructure/config/environment';

/** Builds the app for a validated environment; used by main.ts, the tests and the tools alike. */
export async function createApp(env: Environment): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRole(env), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks(); // SIGTERM: stop accepting, let workers finish or release their jobs, close pools
  return app;
}
