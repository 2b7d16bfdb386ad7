import { badRequest, forbidden, GraphError } from './graph-errors';
import type { GraphResponse, HandlerContext } from './graph-context';
import { applySelect, encodeSkipToken, paginate, parseFilter, parseSelect, parseTop } from './odata-query';
import { missingPermission } from './permissions';
import type { JsonObject, SimGroup } from './simulator-state';

const unsupported = (message: string): GraphError => badRequest(message, 'Request_UnsupportedQuery');

function requireRead(ctx: HandlerContext, collection: string): void {
  if (ctx.req.method.toUpperCase() !== 'GET') throw badRequest('No method match route template');
  const missing = missingPermission(collection, false, ctx.principal.kind, ctx.principal.granted);
  if (missing)
    throw forbidden(
      `Insufficient privileges to complete the operation. One of these permissions is required: ${missing.join(', ')}.`,
    );
}

export function handleOrganization(ctx: HandlerContext, rest: string[]): GraphResponse {
  requireRead(ctx, 'organization');
  const t = ctx.tenant;
  const org: JsonObject = {
    id: t.tenantId,
    displayName: t.displayName,
    tenantType: 'AAD',
    countryLetterCode: 'US',
    verifiedDomains: [
      {
        name: t.domain,
        type: 'Managed',
        isDefault: true,
        isInitial: !t.domain.endsWith('.onmicrosoft.com') ? false : true,
        capabilities: 'Email, OfficeCommunicationsOnline',
      },
    ],
  };
  const select = parseSelect(ctx.req.query.$select);
  const context = `${ctx.req.baseUrl}/${ctx.req.version}/$metadata#organization`;
  if (rest.length === 0)
    return { status: 200, headers: {}, body: { '@odata.context': context, value: [applySelect(org, select)] } };
  if (rest.length === 1 && rest[0] === t.tenantId)
    return { status: 200, headers: {}, body: { '@odata.context': `${context}/$entity`, ...applySelect(org, select) } };
  throw new GraphError(
    404,
    'Request_ResourceNotFound',
    `Resource '${rest[0]}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** Groups: `$search` needs `ConsistencyLevel: eventual`; `$top` above 999 is an error (not clamped). */
export function handleGroups(ctx: HandlerContext, rest: string[]): GraphResponse {
  requireRead(ctx, 'groups');
  const q = ctx.req.query;
  const select = parseSelect(q.$select);
  const render = (g: SimGroup): JsonObject => applySelect({ ...g } as unknown as JsonObject, select);
  const context = `${ctx.req.baseUrl}/${ctx.req.version}/$metadata#groups`;
  if (rest.length === 1 && rest[0] !== 'delta') {
    const g = ctx.tenant.groups.find((x) => x.id === rest[0]);
    if (!g)
      throw new GraphError(
        404,
        'Request_ResourceNotFound',
        `Resource '${rest[0]}' does not exist or one of its queried reference-property objects are not present.`,
      );
    return { status: 200, headers: {}, body: { '@odata.context': `${context}/$entity`, ...render(g) } };
  }
  if (rest.length > 1) throw badRequest('No method match route template');
  const delta = rest[0] === 'delta';
  if (delta && q.$deltatoken) {
    return {
      status: 200,
      headers: {},
      body: { '@odata.context': context, '@odata.deltaLink': deltaLink(ctx), value: [] },
    };
  }
  const eventual = (ctx.req.headers.consistencylevel ?? '').toLowerCase() === 'eventual';
  let groups = ctx.tenant.groups.slice();
  if (q.$search !== undefined) {
    if (!eventual)
      throw unsupported(
        "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      );
    const match = compileSearch(q.$search);
    groups = groups.filter(match);
  }
  const filter = parseFilter(q.$filter, 'Request_UnsupportedQuery');
  if (filter) groups = groups.filter((g) => filter(g as unknown as JsonObject));
  const top = parseTop(q.$top, { strict: true, code: 'Request_BadRequest' });
  const page = paginate(groups, q, ctx.pageSize, `${ctx.req.baseUrl}/${ctx.req.version}/${ctx.req.path}`, top);
  const body: JsonObject = { '@odata.context': context };
  if (page.count !== undefined) body['@odata.count'] = page.count;
  if (page.nextLink) body['@odata.nextLink'] = page.nextLink;
  else if (delta) body['@odata.deltaLink'] = deltaLink(ctx);
  body.value = page.items.map(render);
  return { status: 200, headers: {}, body };
}

function deltaLink(ctx: HandlerContext): string {
  return `${ctx.req.baseUrl}/${ctx.req.version}/groups/delta?$deltatoken=${encodeSkipToken(Date.now())}`;
}

const SEARCHABLE = new Set(['displayName', 'description', 'mail', 'mailNickname']);

/** Lower-case word tokens: separators and camelCase boundaries split, as directory search tokenizes. */
export function searchTokens(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((t) => t.toLowerCase());
}

/** `"displayName:pilot dev" OR "description:finance"`: every query token must prefix a distinct field token. */
export function compileSearch(raw: string): (g: SimGroup) => boolean {
  const clauses: Array<{ prop: string; tokens: string[] }> = [];
  const ops: string[] = [];
  const re = /\s*"([^"]*)"\s*(AND|OR)?/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(raw))) {
    const [prop, ...value] = m[1].split(':');
    if (!value.length || !SEARCHABLE.has(prop))
      throw unsupported(`Syntax error: character '${m[1]}' is not valid at position ${consumed} in '${raw}'.`);
    clauses.push({ prop, tokens: searchTokens(value.join(':')) });
    if (m[2]) ops.push(m[2]);
    consumed = re.lastIndex;
  }
  if (!clauses.length || consumed < raw.trim().length || ops.length !== clauses.length - 1) {
    throw unsupported(`Syntax error: $search value must be of the form "property:value", got '${raw}'.`);
  }
  const test = (g: SimGroup, c: { prop: string; tokens: string[] }): boolean => {
    const words = searchTokens(String((g as unknown as JsonObject)[c.prop] ?? ''));
    const used = new Set<number>();
    return c.tokens.every((t) => {
      const i = words.findIndex((w, k) => !used.has(k) && w.startsWith(t));
      if (i < 0) return false;
      used.add(i);
      return true;
    });
  };
  return (g) => {
    let result = test(g, clauses[0]);
    for (let i = 1; i < clauses.length; i++)
      result = ops[i - 1] === 'AND' ? result && test(g, clauses[i]) : result || test(g, clauses[i]);
    return result;
  };
}
