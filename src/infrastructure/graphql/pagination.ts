import type { Type } from '@nestjs/common';
import { Field, ObjectType } from '@nestjs/graphql';
import { BadUserInputError } from '../../shared/app-errors';
import { dateProblem, unstorableTextProblem } from '../../shared/text';
import { isUuid } from '../../shared/uuid';
import { GRAPHQL_LIMITS } from './graphql-limits';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
}

/** Relay connection types for one node type: `${name}Connection { edges { cursor node } pageInfo }`. */
export function Connection<T>(node: Type<T>, name: string): Type<ConnectionShape<T>> {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }
  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
  }
  return ConnectionType as Type<ConnectionShape<T>>;
}

/** Opaque keyset cursor: base64url of the sort key values of the last row. */
export function encodeCursor(values: ReadonlyArray<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** What one position of a keyset cursor holds; checked before it becomes an SQL parameter. */
export type CursorPart = 'text' | 'uuid' | 'timestamp' | 'bigint';

const CURSOR_PART_CHECKS: Record<CursorPart, (value: string) => boolean> = {
  text: (value) => unstorableTextProblem(value) === null,
  uuid: isUuid,
  timestamp: (value) => /^[-+\d]/.test(value) && dateProblem(new Date(value)) === null,
  bigint: (value) => /^\d{1,19}$/.test(value),
};

/**
 * Decodes a cursor made by `encodeCursor` whose values have the given shape (`['text', 'uuid']` for name + id). A
 * forged, truncated or mistyped cursor is BAD_USER_INPUT naming the field, never a database error.
 */
export function decodeCursor(cursor: string, shape: readonly CursorPart[], field = 'after'): string[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(values) &&
      values.length === shape.length &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      const strings = values.map(String);
      if (strings.every((value, i) => CURSOR_PART_CHECKS[shape[i]](value))) return strings;
    }
  } catch {
    // fall through to the one error below
  }
  throw new BadUserInputError(`${field} is not a valid cursor`, field);
}

/** What a `first` argument's description says, so clients read the bounds in the schema rather than in an error. */
export function pageSizeDescription(defaultSize = DEFAULT_PAGE_SIZE): string {
  return `Page size, 1–${MAX_PAGE_SIZE} (default ${defaultSize}). It multiplies the query cost of everything selected per item; a query over the cost limit (${GRAPHQL_LIMITS.maxCost}) is refused with QUERY_TOO_COMPLEX.`;
}

export function pageSize(first: number | null | undefined, field = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE)
    throw new BadUserInputError(`${field} must be between 1 and ${MAX_PAGE_SIZE}`, field);
  return first;
}

/** Builds a connection from `limit + 1` fetched rows (the extra row only tells whether there is a next page). */
export function toConnection<Row, Node>(
  rows: Row[],
  limit: number,
  cursorOf: (row: Row) => ReadonlyArray<string | number>,
  toNode: (row: Row) => Node,
): ConnectionShape<Node> {
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({ cursor: encodeCursor(cursorOf(row)), node: toNode(row) }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}
