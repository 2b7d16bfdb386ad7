import { randomBytes } from 'node:crypto';
import { Logger, LoggerService } from '@nestjs/common';
import Redis from 'ioredis';
import { GraphClientFactory } from '../graph-client.factory';
import { DEFAULT_GRAPH_SETTINGS, GraphSettings } from '../graph-settings';

/** Every log line the Graph layer writes during a test, to prove no secret or token reaches a log. */
export class CapturingLogger implements LoggerService {
  readonly lines: string[] = [];
  private push =
    (level: string) =>
    (message: unknown, ...rest: unknown[]) => {
      this.lines.push(
        `${level} ${[message, ...rest].map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' ')}`,
      );
    };
  log = this.push('log');
  error = this.push('error');
  warn = this.push('warn');
  debug = this.push('debug');
  verbose = this.push('verbose');
  fatal = this.push('fatal');
}

export function captureLogs(): CapturingLogger {
  const logger = new CapturingLogger();
  Logger.overrideLogger(logger);
  return logger;
}

/**
 * Everything written to stdout, stderr and the console while installed (still passed through), for log hygiene
 * checks beyond the Nest Logger: MSAL, libraries or a stray console.log would land here.
 */
export function captureProcessOutput(): { lines: string[]; restore(): void } {
  const lines: string[] = [];
  const text = (parts: unknown[]) =>
    parts
      .map((p) =>
        typeof p === 'string' ? p : p instanceof Uint8Array ? Buffer.from(p).toString('utf8') : JSON.stringify(p),
      )
      .join(' ');
  const restorers: Array<() => void> = [];
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write;
    stream.write = function (this: NodeJS.WriteStream, chunk: unknown, ...rest: unknown[]) {
      lines.push(text([chunk]));
      return (original as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
    } as typeof stream.write;
    restorers.push(() => (stream.write = original));
  }
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      lines.push(text(args));
      original.apply(console, args);
    };
    restorers.push(() => (console[method] = original));
  }
  return { lines, restore: () => restorers.reverse().forEach((r) => r()) };
}

export function testRedis(): Redis {
  return new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { lazyConnect: false, maxRetriesPerRequest: 2 });
}

/** Settings pointing MSAL and the client at a local server, with a Redis key prefix no other test shares. */
export function testGraphSettings(baseUrl: string, overrides: Partial<GraphSettings> = {}): GraphSettings {
  return {
    ...DEFAULT_GRAPH_SETTINGS,
    graphBaseUrl: baseUrl,
    tokenEndpointBaseUrl: baseUrl,
    backoffBaseMs: 50,
    backoffCapMs: 1000,
    redisKeyPrefix: `${process.env.REDIS_PREFIX ?? 'ta-test'}-${randomBytes(4).toString('hex')}`,
    ...overrides,
    budget: { ...DEFAULT_GRAPH_SETTINGS.budget, ...overrides.budget },
  };
}

export function testFactory(settings: GraphSettings, redis: Redis): GraphClientFactory {
  return new GraphClientFactory(settings, redis);
}
