import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadUserInputError } from '../../shared/app-errors';

/** The first failing constraint, with its dotted path (`certificate.pem`), depth first. */
function firstFailure(errors: ValidationError[], prefix = ''): { field: string; message: string } | null {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = Object.values(error.constraints ?? {})[0];
    if (message) return { field, message: message.replace(error.property, field) };
    const nested = firstFailure(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/**
 * class-validator on every GraphQL input and args class: bad input becomes BAD_USER_INPUT naming the field
 * (`extensions.field`), before any resolver runs, so nothing is half-written.
 */
export function createInputValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: false, // GraphQL already rejects unknown fields; stripping would drop fields of inputs without validators
    forbidUnknownValues: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const failure = firstFailure(errors) ?? { field: 'input', message: 'input is invalid' };
      return new BadUserInputError(failure.message, failure.field);
    },
  });
}
