import type { INestApplication } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { Environment } from '../config/environment';
import { consoleDirectory } from './console-settings';
import { consoleStatic } from './console-static.middleware';

/** Mounts the built console ahead of Nest's routes (API paths pass through); the API alone when it is not built. */
export function serveConsole(app: INestApplication, env: Environment): void {
  const dir = consoleDirectory(env);
  if (!dir) {
    new Logger('Console').warn('The console is not built (npm run build): serving the API only');
    return;
  }
  for (const handler of consoleStatic(dir)) app.use(handler);
}
