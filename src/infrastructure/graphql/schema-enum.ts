import { registerEnumType } from '@nestjs/graphql';

/**
 * A schema enum built from a domain enum: the names are the UPPER_CASE form of the stored lower-case values (the
 * schema's convention) and the internal values are the domain values themselves, so resolvers pass them through and
 * the value list lives in one place.
 */
export function schemaEnum<V extends string>(
  domain: Record<string, V>,
  options: { name: string; description?: string },
): Record<string, V> {
  const values = Object.fromEntries(Object.values(domain).map((value) => [value.toUpperCase(), value]));
  registerEnumType(values, options);
  return values;
}
