const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our ids and Entra's tenant/object ids are UUIDs; anything else cannot name a row (and must not reach a uuid column as a query parameter). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
