import { ConfidentialClientApplication, Configuration, LogLevel } from '@azure/msal-node';
import { Logger } from '@nestjs/common';
import { redactSecrets } from '../../shared/redact';
import { graphAuthErrorFrom } from './graph-auth-error-mapping';
import { GraphAuthError } from './graph-errors';
import { GraphSettings } from './graph-settings';
import { TenantGraphConnection } from './tenant-graph-connection';

/** The scope string names Graph itself, whatever host we send requests to (real Graph or the simulator). */
export const GRAPH_APP_SCOPE = 'https://graph.microsoft.com/.default';
const MAX_CACHED_APPS = 1000;

export interface GraphAccessToken {
  accessToken: string;
  expiresOn: Date;
  fromCache: boolean;
}

/**
 * One MSAL ConfidentialClientApplication per connection key: MSAL's token cache lives in the instance, so a
 * new instance per call would fetch a new token per call.
 */
export class GraphTokenProvider {
  private readonly logger = new Logger('GraphTokenProvider');
  private readonly apps = new Map<string, ConfidentialClientApplication>();
  /** tenant+client → its current connection key, to drop the app of replaced credentials. */
  private readonly keyByIdentity = new Map<string, string>();

  constructor(private readonly settings: Pick<GraphSettings, 'authorityHost' | 'tokenEndpointBaseUrl'>) {}

  async getAppToken(conn: TenantGraphConnection): Promise<GraphAccessToken> {
    return this.acquire(() => this.appFor(conn).acquireTokenByClientCredential({ scopes: [GRAPH_APP_SCOPE] }));
  }

  /** On-behalf-of: `userAssertion` is the signed-in user's token for our API; the result acts as that user. */
  async getOnBehalfOfToken(conn: TenantGraphConnection, userAssertion: string, scopes: string[]): Promise<GraphAccessToken> {
    return this.acquire(() => this.appFor(conn).acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes }));
  }

  /** Drops a cached app, e.g. when a tenant's credentials are replaced or removed. */
  evict(connectionKey: string): void {
    this.apps.delete(connectionKey);
  }

  private async acquire(call: () => Promise<{ accessToken: string; expiresOn: Date | null; fromCache: boolean } | null>): Promise<GraphAccessToken> {
    let result;
    try {
      result = await call();
    } catch (error) {
      throw graphAuthErrorFrom(error);
    }
    if (!result?.accessToken) throw new GraphAuthError('Token acquisition failed: the token endpoint returned no access token', 'other');
    return { accessToken: result.accessToken, expiresOn: result.expiresOn ?? new Date(Date.now() + 3_600_000), fromCache: result.fromCache };
  }

  private appFor(conn: TenantGraphConnection): ConfidentialClientApplication {
    const cached = this.apps.get(conn.connectionKey);
    if (cached) {
      // Refresh recency for the size bound below (Map keeps insertion order).
      this.apps.delete(conn.connectionKey);
      this.apps.set(conn.connectionKey, cached);
      return cached;
    }
    const identity = `${conn.entraTenantId}:${conn.clientId}`.toLowerCase();
    const previousKey = this.keyByIdentity.get(identity);
    if (previousKey && previousKey !== conn.connectionKey) this.apps.delete(previousKey);
    this.keyByIdentity.set(identity, conn.connectionKey);
    if (this.apps.size >= MAX_CACHED_APPS) this.apps.delete(this.apps.keys().next().value as string);
    const app = new ConfidentialClientApplication(this.configurationFor(conn));
    this.apps.set(conn.connectionKey, app);
    return app;
  }

  private configurationFor(conn: TenantGraphConnection): Configuration {
    const tid = conn.entraTenantId;
    const authorityHost = this.settings.authorityHost;
    const base = this.settings.tokenEndpointBaseUrl;
    const credential =
      conn.credential.kind === 'secret'
        ? { clientSecret: conn.credential.secret }
        : { clientCertificate: { thumbprintSha256: conn.credential.thumbprintSha256, privateKey: conn.credential.privateKeyPem } };
    const hostname = new URL(authorityHost).hostname;
    return {
      auth: {
        clientId: conn.clientId,
        authority: `${authorityHost}/${tid}`,
        ...credential,
        // MSAL has login.microsoftonline.com's metadata built in; any other host must be declared.
        ...(hostname !== 'login.microsoftonline.com' ? { knownAuthorities: [hostname] } : {}),
        // Token requests go to an http simulator while the authority stays https (MSAL insists).
        ...(base
          ? {
              authorityMetadata: JSON.stringify({
                token_endpoint: `${base}/${tid}/oauth2/v2.0/token`,
                issuer: `https://login.microsoftonline.com/${tid}/v2.0`,
                jwks_uri: `${base}/${tid}/discovery/v2.0/keys`,
                authorization_endpoint: `${base}/${tid}/oauth2/v2.0/authorize`,
              }),
            }
          : {}),
      },
      system: {
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          loggerCallback: (level, message, containsPii) => {
            if (containsPii) return;
            const line = redactSecrets(message);
            if (level === LogLevel.Error) this.logger.warn(line);
            else this.logger.debug(line);
          },
        },
      },
    };
  }
}
