import { ValidateBy, type ValidationOptions } from 'class-validator';
import { nameProblem, plainTextProblem } from '../../shared/text';

/** One problem function as a class-validator decorator: the message names the field and says what is wrong. */
function textRule(
  name: string,
  problem: (value: string) => string | null,
  options?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && problem(value) === null,
        defaultMessage: (args) =>
          `${args?.property} ${typeof args?.value === 'string' ? problem(args.value) : 'must be a string'}`,
      },
    },
    options,
  );
}

/** A name people read (tenant display names, labels): not blank, no controls, bidi overrides or zero-width characters. */
export const IsName = (maxLength = 256, options?: ValidationOptions) =>
  textRule('isName', (value) => nameProblem(value, maxLength), options);

/** Free text such as a search: no control characters, at most `maxLength`. */
export const IsPlainText = (maxLength = 200, options?: ValidationOptions) =>
  textRule('isPlainText', (value) => plainTextProblem(value, maxLength), options);
