import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLoggerContract } from 'typeorm';
import { safeErrorMessage } from '../../shared/redact';

/**
 * TypeORM's messages through the app's logger instead of console.log. A failed query is logged at debug, without
 * its parameters (they carry names, UPNs and ciphertext): it surfaces as an error to whoever ran it, and the
 * GraphQL error filter logs the unexpected ones once, at error, with the request id. A duplicate key behind a
 * CONFLICT is nobody's emergency.
 */
export class TypeOrmLogger implements TypeOrmLoggerContract {
  private readonly logger = new Logger('TypeORM');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    this.logger.debug(`query failed (${safeErrorMessage(error, 300)}): ${query.replace(/\s+/g, ' ').slice(0, 300)}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query.replace(/\s+/g, ' ').slice(0, 300)}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}
