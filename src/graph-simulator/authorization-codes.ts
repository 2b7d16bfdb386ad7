import { createHash, randomBytes } from 'node:crypto';
import { EntraError } from './entra-error';

/** What the user consented to at the authorize endpoint, bound to one code. */
export interface CodeGrant {
  tenantId: string;
  userOid: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string;
  nonce?: string;
}

const CODE_LIFETIME_MS = 10 * 60_000;

const s256 = (verifier: string): string => createHash('sha256').update(verifier).digest('base64url');

/**
 * Authorization codes: random, single-use (a second redemption is refused, as in Entra: AADSTS54005), valid for
 * 10 minutes, bound to the client, the redirect URI and the PKCE challenge (S256 only).
 */
export class AuthorizationCodes {
  private readonly codes = new Map<string, CodeGrant & { expiresAt: number }>();

  issue(grant: CodeGrant): string {
    const now = Date.now();
    for (const [code, g] of this.codes) if (g.expiresAt <= now) this.codes.delete(code);
    const code = randomBytes(32).toString('base64url');
    this.codes.set(code, { ...grant, expiresAt: now + CODE_LIFETIME_MS });
    return code;
  }

  /** Consumes the code whatever the outcome: a code that met a wrong verifier is burnt, not retried. */
  redeem(form: Record<string, string | undefined>): CodeGrant {
    const code = form.code ?? '';
    const grant = this.codes.get(code);
    this.codes.delete(code);
    if (!grant)
      throw new EntraError(
        400,
        'invalid_grant',
        54005,
        'OAuth2 Authorization code was already redeemed or is invalid.',
      );
    if (grant.expiresAt <= Date.now())
      throw new EntraError(
        400,
        'invalid_grant',
        70008,
        'The provided authorization code or refresh token has expired.',
      );
    if ((form.client_id ?? '').toLowerCase() !== grant.clientId.toLowerCase())
      throw new EntraError(
        400,
        'invalid_grant',
        70000,
        'The provided authorization code was issued to another client.',
      );
    if (form.redirect_uri !== grant.redirectUri)
      throw new EntraError(
        400,
        'invalid_grant',
        50148,
        'The redirect_uri does not match the one used in the authorization request.',
      );
    if (!form.code_verifier)
      throw new EntraError(
        400,
        'invalid_request',
        900144,
        "The request body must contain the following parameter: 'code_verifier'.",
      );
    if (s256(form.code_verifier) !== grant.codeChallenge)
      throw new EntraError(
        400,
        'invalid_grant',
        501481,
        'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
      );
    return grant;
  }
}
