import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID, type webcrypto } from 'node:crypto';

type CryptoKey = webcrypto.CryptoKey;
import { exportJWK, generateKeyPair, SignJWT, type JWK, type JWTPayload } from 'jose';

export const TEST_AUDIENCE = 'api://tenantatlas-test';

/** A local identity provider for tests: one RS256 key pair, a JWKS over HTTP, and a signer. */
export class TestIssuer {
  private constructor(
    private readonly server: Server,
    private readonly privateKey: CryptoKey,
    readonly jwksUrl: string,
    readonly kid: string,
    /** JWKS requests served so far, per tenant id in the path (`/{tid}/discovery/v2.0/keys`). */
    readonly jwksRequests: Map<string, number>,
  ) {}

  static async start(): Promise<TestIssuer> {
    const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
    const kid = randomUUID();
    const jwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
    const jwksRequests = new Map<string, number>();
    const server = createServer((req, res) => {
      const tid = req.url?.split('/')[1] ?? '';
      jwksRequests.set(tid, (jwksRequests.get(tid) ?? 0) + 1);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TestIssuer(server, privateKey, `http://127.0.0.1:${port}/{tid}/discovery/v2.0/keys`, kid, jwksRequests);
  }

  issuer(tid: string): string {
    return `https://login.microsoftonline.com/${tid}/v2.0`;
  }

  /** A user access token for our API; override any claim (or sign with another key) to make a bad one. */
  async userToken(
    user: { tid: string; oid?: string; upn?: string; name?: string },
    overrides: JWTPayload & { expiresIn?: string | number; key?: CryptoKey } = {},
  ): Promise<string> {
    const { expiresIn = '1h', key, ...claims } = overrides;
    const payload: JWTPayload = {
      tid: user.tid,
      oid: user.oid ?? randomUUID(),
      preferred_username: user.upn ?? `user-${randomUUID().slice(0, 8)}@contoso.test`,
      name: user.name ?? 'Test User',
      scp: 'access_as_user',
      ver: '2.0',
      ...claims,
    };
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: 'RS256', kid: this.kid, typ: 'JWT' })
      .setIssuer((claims.iss as string | undefined) ?? this.issuer(user.tid))
      .setAudience((claims.aud as string | undefined) ?? TEST_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresIn);
    return jwt.sign(key ?? this.privateKey);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
