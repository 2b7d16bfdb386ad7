import { createHash } from 'node:crypto';
import { ConfidentialClientApplication, Configuration, LogLevel } from '@azure/msal-node';
import { Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { redactSecrets } from '../../shared/redact';
import { graphAuthErrorFrom } from './graph-auth-error-mapping';
import { GraphAuthError } from './graph-errors';
import { GraphSettings } from './graph-settings';
import { TenantGraphConnection } from './tenant-graph-connection';

/** The scope string names Graph itself, whatever host we send requests to (real Graph or the simulator). */
export const GRAPH_APP_SCOPE = 'https://graph.microsoft.com/.default';
const MAX_CACHED_APPS = 1000;
/** On-behalf-of tokens kept, one per user assertion and scope set (~2 KB each): a few MB at most. */
const MAX_OBO_TOKENS = 1000;
/** A kept on-behalf-of token is replaced this long before it expires (MSAL's own default renewal offset). */
const OBO_RENEW_BEFORE_MS = 5 * 60_000;

export interface GraphAccessToken {
  accessToken: string;
  expiresOn: Date;
  fromCache: boolean;
}

interface MsalApps {
  /** App-only tokens: MSAL caches one per scope, so this cache stays small and MSAL manages it. */
  app: ConfidentialClientApplication;
  /** On-behalf-of only; its MSAL cache is emptied after every acquisition (see getOnBehalfOfToken). */
  obo: ConfidentialClientApplication;
}

/**
 * One pair of MSAL ConfidentialClientApplications per connection key: MSAL's token cache lives in the instance,
 * so a new instance per call would fetch a new token per call.
 */
export class GraphTokenProvider {
  private readonly logger = new Logger('GraphTokenProvider');
  private readonly apps = new LRUCache<string, MsalApps>({ max: MAX_CACHED_APPS });
  /** tenant+client → its current connection key, to drop the app of replaced credentials. */
  private readonly keyByIdentity = new Map<string, string>();
  /** `connectionKey \n sha256(assertion) \n scopes` → token. */
  private readonly oboTokens: LRUCache<string, GraphAccessToken>;

  constructor(
    private readonly settings: Pick<GraphSettings, 'authorityHost' | 'tokenEndpointBaseUrl'>,
    limits: { maxOboTokens?: number } = {},
  ) {
    this.oboTokens = new LRUCache({ max: limits.maxOboTokens ?? MAX_OBO_TOKENS });
  }

  async getAppToken(conn: TenantGraphConnection): Promise<GraphAccessToken> {
    return this.acquire(() => this.appsFor(conn).app.acquireTokenByClientCredential({ scopes: [GRAPH_APP_SCOPE] }));
  }

  /**
   * On-behalf-of: `userAssertion` is the signed-in user's token for our API; the result acts as that user.
   * MSAL's in-memory cache keeps an account, id token and access token for every user it ever exchanged a token
   * for, expired or not, and never evicts them: a long-running API would grow with every user who searches groups.
   * So the tokens live in our own LRU (bounded, each until shortly before it expires, keyed like MSAL's own lookup
   * by the assertion's hash), MSAL is asked with skipCache, and the OBO app's MSAL cache is emptied afterwards.
   */
  async getOnBehalfOfToken(
    conn: TenantGraphConnection,
    userAssertion: string,
    scopes: string[],
  ): Promise<GraphAccessToken> {
    const key = [
      conn.connectionKey,
      createHash('sha256').update(userAssertion).digest('base64url'),
      [...scopes].sort().join(' '),
    ].join('\n');
    const kept = this.oboTokens.get(key);
    if (kept && kept.expiresOn.getTime() - OBO_RENEW_BEFORE_MS > Date.now()) return { ...kept, fromCache: true };
    const { obo } = this.appsFor(conn);
    try {
      const token = await this.acquire(() =>
        obo.acquireTokenOnBehalfOf({ oboAssertion: userAssertion, scopes, skipCache: true }),
      );
      this.oboTokens.set(key, token);
      return token;
    } finally {
      // Also after a failure, and after concurrent acquisitions: each one clears once its own write is done.
      obo.clearCache();
    }
  }

  /** Drops a cached app and its on-behalf-of tokens, e.g. when a tenant's credentials are replaced or removed. */
  evict(connectionKey: string): void {
    this.apps.delete(connectionKey);
    for (const key of [...this.oboTokens.keys()]) if (key.startsWith(`${connectionKey}\n`)) this.oboTokens.delete(key);
  }

  /** Entries held in memory: MSAL's caches (accounts, id/access/refresh tokens, app metadata) and the kept OBO tokens. */
  cacheSize(): { msalEntries: number; oboTokens: number } {
    let msalEntries = 0;
    for (const { app, obo } of this.apps.values()) {
      for (const cca of [app, obo]) {
        const sections = JSON.parse(cca.getTokenCache().serialize()) as Record<string, object>;
        for (const section of Object.values(sections)) msalEntries += Object.keys(section).length;
      }
    }
    return { msalEntries, oboTokens: this.oboTokens.size };
  }

  private async acquire(
    call: () => Promise<{ accessToken: string; expiresOn: Date | null; fromCache: boolean } | null>,
  ): Promise<GraphAccessToken> {
    let result;
    try {
      result = await call();
    } catch (error) {
      throw graphAuthErrorFrom(error);
    }
    if (!result?.accessToken)
      throw new GraphAuthError('Token acquisition failed: the token endpoint returned no access token', 'other');
    return {
      accessToken: result.accessToken,
      expiresOn: result.expiresOn ?? new Date(Date.now() + 3_600_000),
      fromCache: result.fromCache,
    };
  }

  private appsFor(conn: TenantGraphConnection): MsalApps {
    const cached = this.apps.get(conn.connectionKey);
    if (cached) return cached;
    const identity = `${conn.entraTenantId}:${conn.clientId}`.toLowerCase();
    const previousKey = this.keyByIdentity.get(identity);
    if (previousKey && previousKey !== conn.connectionKey) this.evict(previousKey);
    this.keyByIdentity.set(identity, conn.connectionKey);
    const apps = {
      app: new ConfidentialClientApplication(this.configurationFor(conn)),
      obo: new ConfidentialClientApplication(this.configurationFor(conn)),
    };
    this.apps.set(conn.connectionKey, apps);
    return apps;
  }

  private configurationFor(conn: TenantGraphConnection): Configuration {
    const tid = conn.entraTenantId;
    const authorityHost = this.settings.authorityHost;
    const base = this.settings.tokenEndpointBaseUrl;
    const credential =
      conn.credential.kind === 'secret'
        ? { clientSecret: conn.credential.secret }
        : {
            clientCertificate: {
              thumbprintSha256: conn.credential.thumbprintSha256,
              privateKey: conn.credential.privateKeyPem,
            },
          };
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
