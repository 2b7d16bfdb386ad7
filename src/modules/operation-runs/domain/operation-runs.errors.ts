import { AppError, BadUserInputError, NotFoundError } from '../../../shared/app-errors';

/** Every error this module raises, in one place. */
export class OperationRunNotFoundError extends NotFoundError {
  constructor(id: string) {
    super('OperationRun', id);
  }
}

export class UnknownRunTypeError extends BadUserInputError {
  constructor(type: string) {
    super(`Unknown operation run type "${type}"`, 'type');
  }
}

export class RunTenantRequiredError extends BadUserInputError {
  constructor(type: string) {
    super(`Run type "${type}" needs a tenantId`, 'tenantId');
  }
}

/** Thrown inside a handler by `throwIfCancelled()`; the wrapper maps it to the `cancelled` outcome. */
export class RunCancelledError extends AppError {
  constructor() {
    super('CONFLICT', 'The run was cancelled');
  }
}
