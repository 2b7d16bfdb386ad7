import { ConsoleLogger, Logger, type LogLevel } from '@nestjs/common';

/**
 * Tests are quiet unless LOG_LEVEL asks otherwise: classes tested without the app (no pino) log through Nest's
 * console logger, which would print every DEBUG line of the Graph client and MSAL. LOG_LEVEL uses pino's names.
 */
const NEST_LEVELS: Record<string, LogLevel[] | false> = {
  silent: false,
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

const levels = NEST_LEVELS[process.env.LOG_LEVEL ?? 'silent'] ?? false;
// An instance, not Logger.logLevels: a test that captures log lines with its own logger still sees every level.
Logger.overrideLogger(levels ? new ConsoleLogger({ logLevels: levels }) : false);
