import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, type AppErrorCode } from '../../shared/app-errors';
import { safeErrorMessage } from '../../shared/redact';

const STATUS: Record<AppErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL: 500,
};

const logger = new Logger('REST');

/**
 * REST routes answer errors the way GraphQL does: `{ error: { code, message, ...details } }` with the code's HTTP
 * status, a client's mistake logged at debug, anything unexpected as INTERNAL with a generic message (logged with
 * its stack). A response already streaming (a download) can only be cut off.
 */
@Catch()
export class AppErrorHttpFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    let status = 500;
    let body: Record<string, unknown> = { code: 'INTERNAL', message: 'Internal error' };
    if (exception instanceof AppError) {
      status = STATUS[exception.code];
      body = { code: exception.code, message: exception.message, ...compact(exception.details) };
    } else if (exception instanceof HttpException && exception.getStatus() < 500) {
      status = exception.getStatus();
      body = { code: status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT', message: exception.message };
    }
    if (status >= 500) logger.error({ err: exception }, `Unexpected error: ${safeErrorMessage(exception)}`);
    else logger.debug(`${String(body.code)}: ${String(body.message)}`);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    res.status(status).json({ error: body });
  }
}

function compact(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined && v !== null));
}
