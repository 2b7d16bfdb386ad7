/** Helpers shared by the simulator's integration tests (real HTTP against an in-process simulator). */
import type { GraphSimulator } from './simulator';

export interface HttpResult {
  status: number;
  headers: Headers;
  body: any;
}

export async function http(url: string, init: RequestInit = {}): Promise<HttpResult> {
  const res = await fetch(url, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    /* keep text */
  }
  return { status: res.status, headers: res.headers, body };
}

export function tokenRequest(
  sim: GraphSimulator,
  tenantRef: string,
  form: Record<string, string>,
): Promise<HttpResult> {
  return http(`${sim.url}/${tenantRef}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
}

/** A client-credentials Graph token for the first app of a tenant (default: the first tenant). */
export async function appToken(sim: GraphSimulator, tenantId?: string, appIndex = 0): Promise<string> {
  const t = tenantId ? sim.tenants().find((x) => x.tenantId === tenantId)! : sim.tenants()[0];
  const app = t.apps[appIndex];
  const res = await tokenRequest(sim, t.tenantId, {
    grant_type: 'client_credentials',
    client_id: app.clientId,
    client_secret: app.clientSecret!,
    scope: 'https://graph.microsoft.com/.default',
  });
  if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.access_token as string;
}

export function graph(
  sim: GraphSimulator,
  token: string | null,
  pathAndQuery: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (token) headers.authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const url = pathAndQuery.startsWith('http') ? pathAndQuery : `${sim.url}${pathAndQuery}`;
  return http(url, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** Drops every `@odata.*` annotation (including `@odata.type`) for content comparisons. */
export function withoutOdata(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOdata);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !k.includes('@odata.'))
        .map(([k, v]) => [k, withoutOdata(v)]),
    );
  }
  return value;
}
