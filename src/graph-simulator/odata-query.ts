import { badRequest } from './graph-errors';
import { compileFilter, FilterError, type FilterPredicate } from './odata-filter';

export type Query = Record<string, string | undefined>;

export interface ExpandItem {
  name: string;
  nested: ExpandItem[];
}

export const MAX_TOP = 999;

/** Splits on commas that are not inside parentheses: `a,b($expand=c,d)` → [`a`, `b($expand=c,d)`]. */
function splitTopLevel(value: string, sep = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of value) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === sep && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  return parts.map((p) => p.trim()).filter(Boolean);
}

export function parseExpand(value: string | undefined): ExpandItem[] {
  if (!value) return [];
  return splitTopLevel(value).map((part) => {
    const m = /^([A-Za-z0-9_.]+)\s*(?:\((.*)\))?$/.exec(part);
    if (!m) throw badRequest(`Invalid $expand: '${part}'.`);
    let nested: ExpandItem[] = [];
    for (const opt of splitTopLevel(m[2] ?? '', ';')) {
      const eq = opt.indexOf('=');
      if (opt.slice(0, eq).trim().toLowerCase() === '$expand') nested = parseExpand(opt.slice(eq + 1));
    }
    return { name: m[1], nested };
  });
}

export function parseSelect(value: string | undefined): string[] | null {
  if (!value) return null;
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** $select keeps `id` and `@odata.type` always, as Graph does. */
export function applySelect<T extends Record<string, unknown>>(
  entity: T,
  select: string[] | null,
  keepAlso: string[] = [],
): Record<string, unknown> {
  if (!select) return { ...entity };
  const keep = new Set([...select, ...keepAlso, 'id', '@odata.type']);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(entity)) if (keep.has(k)) out[k] = v;
  return out;
}

export function parseFilter(value: string | undefined, code = 'BadRequest'): FilterPredicate | null {
  if (!value) return null;
  try {
    return compileFilter(value);
  } catch (error) {
    if (error instanceof FilterError) throw badRequest(`Invalid filter clause: ${error.message}.`, code);
    throw error;
  }
}

/** `$top`: Intune clamps values above the maximum; directory collections reject them (`strictTop`). */
export function parseTop(value: string | undefined, opts: { strict: boolean; code?: string }): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw badRequest(`Invalid value '${value}' for $top query option found.`, opts.code);
  if (n > MAX_TOP) {
    if (opts.strict)
      throw badRequest(
        `Invalid page size specified: '${n}'. Must be between 1 and ${MAX_TOP} inclusive.`,
        opts.code ?? 'Request_BadRequest',
      );
    return MAX_TOP;
  }
  return n;
}

/** Skiptokens are opaque to clients; the offset inside is the simulator's business. */
export function encodeSkipToken(offset: number): string {
  return Buffer.from(`sim1:${offset}`).toString('base64url');
}

export function decodeSkipToken(token: string | undefined): number {
  if (!token) return 0;
  const m = /^sim1:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!m) throw badRequest('The specified page token value has expired or is invalid.');
  return Number(m[1]);
}

export interface Page<T> {
  items: T[];
  nextLink: string | null;
  count?: number;
}

/**
 * One page of an already filtered list. The nextLink repeats every query option but the skiptoken, so the
 * client can follow it verbatim (custom headers such as ConsistencyLevel are NOT carried, as on Graph).
 */
export function paginate<T>(all: T[], query: Query, pageSize: number, selfUrl: string, top: number | null): Page<T> {
  const offset = decodeSkipToken(query.$skiptoken);
  const size = top ?? pageSize;
  const items = all.slice(offset, offset + size);
  const next = offset + size < all.length ? offset + size : null;
  const page: Page<T> = { items, nextLink: next === null ? null : withSkipToken(selfUrl, query, next) };
  // @odata.count belongs to the first page only.
  if (!query.$skiptoken && String(query.$count).toLowerCase() === 'true') page.count = all.length;
  return page;
}

function withSkipToken(selfUrl: string, query: Query, offset: number): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query)) {
    if (k === '$skiptoken' || v === undefined) continue;
    parts.push(`${k}=${encodeURIComponent(v)}`);
  }
  parts.push(`$skiptoken=${encodeSkipToken(offset)}`);
  return `${selfUrl}?${parts.join('&')}`;
}
