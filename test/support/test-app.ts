import type { INestApplication } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../src/bootstrap';
import { testEnvironment } from './test-env';

export interface RunningTestApp {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/** Boots the real app (real PostgreSQL, real Redis) on a random port. */
export async function startTestApp(
  overrides: Parameters<typeof testEnvironment>[0] = {},
  hooks: Parameters<typeof createApp>[1] = {},
): Promise<RunningTestApp> {
  const app = await createApp(testEnvironment(overrides), hooks);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
