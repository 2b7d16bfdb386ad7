import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * A tiny pass-through in front of the simulator's token endpoint (`GRAPH_TOKEN_ENDPOINT_BASE_URL` points here):
 * counts the token requests MSAL really sends (the simulator's stats count Graph calls only) and remembers
 * every access token issued, so a test can prove the second call came from MSAL's cache and no token reached a log.
 */
export interface TokenEndpointTap {
  url: string;
  requests: Array<{ path: string; clientId?: string; grantType?: string; status: number }>;
  /** Every access_token the upstream issued through this tap. */
  accessTokens: string[];
  /** Token requests, optionally only those of one client id. */
  count(clientId?: string): number;
  close(): Promise<void>;
}

export async function startTokenEndpointTap(upstream: string): Promise<TokenEndpointTap> {
  const tap: TokenEndpointTap = {
    url: '',
    requests: [],
    accessTokens: [],
    count: (clientId) =>
      tap.requests.filter((r) => !clientId || r.clientId?.toLowerCase() === clientId.toLowerCase()).length,
    close: async () => undefined,
  };
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const form = new URLSearchParams(body.toString('utf8'));
    const headers: Record<string, string> = {};
    for (const name of ['content-type', 'client-request-id', 'accept']) {
      const value = req.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const upstreamRes = await fetch(`${upstream}${req.url ?? '/'}`, {
      method: req.method,
      headers,
      body: req.method === 'GET' ? undefined : body,
    });
    const text = await upstreamRes.text();
    try {
      const token = (JSON.parse(text) as { access_token?: unknown }).access_token;
      if (typeof token === 'string') tap.accessTokens.push(token);
    } catch {
      /* not JSON */
    }
    const path = new URL(req.url ?? '/', 'http://tap').pathname;
    if (path.endsWith('/oauth2/v2.0/token')) {
      tap.requests.push({
        path,
        clientId: form.get('client_id') ?? undefined,
        grantType: form.get('grant_type') ?? undefined,
        status: upstreamRes.status,
      });
    }
    res.writeHead(upstreamRes.status, {
      'content-type': upstreamRes.headers.get('content-type') ?? 'application/json',
    });
    res.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  tap.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  tap.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return tap;
}
