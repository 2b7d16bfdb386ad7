import { Type } from 'class-transformer';
import { IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { BadUserInputError } from '../../shared/app-errors';
import { createInputValidationPipe } from './input-validation.pipe';

class Inner {
  @MaxLength(3) pem: string;
}
class Outer {
  @IsUUID() tenantId: string;
  @ValidateNested() @Type(() => Inner) certificate: Inner;
}

describe('input validation pipe', () => {
  const pipe = createInputValidationPipe();
  const run = (value: unknown) => pipe.transform(value, { type: 'body', metatype: Outer });

  it('names the first bad field as BAD_USER_INPUT', async () => {
    await expect(run({ tenantId: 'nope', certificate: { pem: 'ok' } })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'tenantId' },
    });
  });

  it('names nested fields with their path', async () => {
    const error = await run({
      tenantId: '2b0d7f57-51c1-4d5e-9f4c-6a1a1c1d1e1f',
      certificate: { pem: 'too long' },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(BadUserInputError);
    expect(error.details.field).toBe('certificate.pem');
    expect(error.message).toContain('certificate.pem');
  });
});
