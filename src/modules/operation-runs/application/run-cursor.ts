import { decodeCursor, encodeCursor } from '../../../infrastructure/graphql/pagination';

/** The runs list's keyset (created_at DESC, id DESC) in the shared cursor format; created_at has millisecond precision in the table. */
export function encodeRunCursor(createdAt: Date, id: string): string {
  return encodeCursor([createdAt.toISOString(), id]);
}

export function decodeRunCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = decodeCursor(cursor, ['timestamp', 'uuid']);
  return { createdAt: new Date(iso), id };
}
