/** Stable error codes every client may branch on (GraphQL `extensions.code`). */
export type AppErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'INTERNAL';

/** A domain error that is safe to show to the caller as-is (message + code + optional field). */
export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details: { field?: string; reason?: string; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, field?: string, extra: Record<string, unknown> = {}) {
    super('BAD_USER_INPUT', message, { field, ...extra });
  }
}
export class UnauthenticatedError extends AppError {
  constructor(message = 'Authentication required: send a valid bearer token') {
    super('UNAUTHENTICATED', message);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = 'Forbidden', reason?: string) {
    super('FORBIDDEN', message, { reason });
  }
}
export class NotFoundError extends AppError {
  constructor(entity: string, id?: string) {
    super('NOT_FOUND', id ? `${entity} ${id} not found` : `${entity} not found`, { entity });
  }
}
export class ConflictError extends AppError {
  constructor(message: string, field?: string) {
    super('CONFLICT', message, { field });
  }
}
