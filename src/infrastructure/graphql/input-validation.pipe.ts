import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadUserInputError } from '../../shared/app-errors';
import { dateProblem, unstorableTextProblem } from '../../shared/text';

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
 * Every string and date in an argument, however deep, checked before any resolver runs: a NUL byte, a lone
 * surrogate or a date outside 0001–9999 would otherwise reach PostgreSQL and fail there as INTERNAL.
 */
function assertStorable(value: unknown, field: string): void {
  if (typeof value === 'string') {
    const problem = unstorableTextProblem(value);
    if (problem) throw new BadUserInputError(`${field || 'input'} ${problem}`, field || 'input');
  } else if (value instanceof Date) {
    const problem = dateProblem(value);
    if (problem) throw new BadUserInputError(`${field || 'input'} ${problem}`, field || 'input');
  } else if (Array.isArray(value)) {
    value.forEach((item) => assertStorable(item, field));
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) assertStorable(item, field ? `${field}.${key}` : key);
  }
}

/**
 * `field` is the path from the argument: `filter.search`, `after`. Fields of the conventional `input` argument are
 * named without it (`displayName`, `certificate.pem`), as the mutations' own checks name them.
 */
function fieldPrefix(metadata: ArgumentMetadata): string {
  return metadata.data && metadata.data !== 'input' ? String(metadata.data) : '';
}

class InputValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'body') return super.transform(value, metadata); // GraphQL arguments arrive as 'body'
    const prefix = fieldPrefix(metadata);
    assertStorable(value, prefix);
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (prefix && error instanceof BadUserInputError && error.details.field)
        throw new BadUserInputError(
          error.message.replace(String(error.details.field), `${prefix}.${error.details.field}`),
          `${prefix}.${error.details.field}`,
        );
      throw error;
    }
  }
}

/**
 * class-validator on every GraphQL input and args class, after the shared text and date checks on every argument:
 * bad input becomes BAD_USER_INPUT naming the field (`extensions.field`), before any resolver runs, so nothing is
 * half-written.
 */
export function createInputValidationPipe(): ValidationPipe {
  return new InputValidationPipe({
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
