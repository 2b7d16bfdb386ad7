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
  const run = (value: unknown, data?: string) => pipe.transform(value, { type: 'body', metatype: Outer, data });
  const VALID = { tenantId: '2b0d7f57-51c1-4d5e-9f4c-6a1a1c1d1e1f', certificate: { pem: 'ok' } };

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

  it('names a field by its argument path, except inside the conventional input argument', async () => {
    await expect(run({ tenantId: 'nope', certificate: { pem: 'ok' } }, 'filter')).rejects.toMatchObject({
      details: { field: 'filter.tenantId' },
      message: expect.stringContaining('filter.tenantId'),
    });
    await expect(run({ tenantId: 'nope', certificate: { pem: 'ok' } }, 'input')).rejects.toMatchObject({
      details: { field: 'tenantId' },
    });
  });

  it.each([
    ['a NUL byte', { ...VALID, certificate: { pem: 'a\u0000' } }, 'certificate.pem', /NUL/],
    ['a lone surrogate', { ...VALID, extra: ['ok', '\udc00'] }, 'extra', /lone surrogate/],
    ['a date PostgreSQL cannot store', { ...VALID, since: new Date('-010000-01-01T00:00:00Z') }, 'since', /0001/],
  ])('refuses %s anywhere in an argument, even in fields without validators', async (_, value, field, reason) => {
    await expect(run(value)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field }, message: reason });
  });

  it('checks scalar arguments too, naming them', async () => {
    await expect(pipe.transform('a\u0000b', { type: 'body', metatype: String, data: 'search' })).rejects.toMatchObject({
      details: { field: 'search' },
    });
  });

  it('leaves the context and the caller alone (only GraphQL arguments arrive as body)', async () => {
    const user = { accessToken: 'a\u0000b' };
    await expect(pipe.transform(user, { type: 'custom', metatype: Object })).resolves.toBe(user);
  });
});
