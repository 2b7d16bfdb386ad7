import { InvalidRunCursorError } from '../domain/operation-runs.errors';

/** Opaque keyset cursor: base64url of `<created_at ISO>|<id>` (created_at has millisecond precision in the table). */
export function encodeRunCursor(createdAt: Date, id: string): string {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString('base64url');
}

export function decodeRunCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id)) throw new InvalidRunCursorError();
  return { createdAt, id };
}
