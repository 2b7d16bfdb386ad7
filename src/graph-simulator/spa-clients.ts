/**
 * Single-page-application registrations (public clients, no secret): who may use the authorization-code flow with
 * PKCE, to which redirect URIs, and so which browser origins the identity endpoints answer with CORS. Directory-wide,
 * like a multi-tenant app registration.
 */
export interface SpaClient {
  clientId: string;
  displayName: string;
  /** Exact redirect URIs; a loopback one without a port (http://127.0.0.1/cb) matches any port, as in Entra. */
  redirectUris: string[];
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function parse(uri: string): URL | null {
  try {
    return new URL(uri);
  } catch {
    return null;
  }
}

export function redirectUriMatches(registered: string, requested: string): boolean {
  if (registered === requested) return true;
  const r = parse(registered);
  const q = parse(requested);
  if (!r || !q || r.port !== '' || !LOOPBACK.has(r.hostname)) return false;
  return r.protocol === q.protocol && r.hostname === q.hostname && r.pathname === q.pathname && r.search === q.search;
}

export class SpaClientRegistry {
  private readonly clients = new Map<string, SpaClient>();

  constructor(clients: SpaClient[] = []) {
    clients.forEach((c) => this.add(c));
  }

  add(client: SpaClient): void {
    this.clients.set(client.clientId.toLowerCase(), { ...client, redirectUris: [...client.redirectUris] });
  }

  find(clientId: string | undefined): SpaClient | undefined {
    return clientId ? this.clients.get(clientId.toLowerCase()) : undefined;
  }

  allowsRedirect(client: SpaClient, uri: string | undefined): boolean {
    return !!uri && client.redirectUris.some((r) => redirectUriMatches(r, uri));
  }

  /** A browser origin some SPA redirects to (the only origins the token endpoint answers cross-origin). */
  allowsOrigin(origin: string | undefined): boolean {
    const o = origin ? parse(origin) : null;
    if (!o) return false;
    return [...this.clients.values()].some((client) =>
      client.redirectUris.some((uri) => {
        const r = parse(uri);
        if (!r) return false;
        if (r.origin === o.origin) return true;
        return r.port === '' && LOOPBACK.has(r.hostname) && r.protocol === o.protocol && r.hostname === o.hostname;
      }),
    );
  }
}
