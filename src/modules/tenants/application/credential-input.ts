import { BadUserInputError } from '../../../shared/app-errors';
import {
  certificateExpiry,
  type CredentialPlaintext,
  hasPrivateKey,
  normalizeThumbprint,
} from '../domain/tenant-credential';

export interface CredentialInputValues {
  clientSecret?: string | null;
  clientSecretExpiresAt?: Date | null;
  certificate?: { pem: string; thumbprint: string } | null;
}

/** Exactly one credential: a client secret, or a certificate (PEM private key + SHA-256 thumbprint). */
export function credentialFromInput(input: CredentialInputValues): {
  plaintext: CredentialPlaintext;
  expiresAt: Date | null;
} {
  const hasSecret = typeof input.clientSecret === 'string';
  if (hasSecret === !!input.certificate)
    throw new BadUserInputError(
      'Give exactly one credential: clientSecret or certificate',
      hasSecret ? 'certificate' : 'clientSecret',
    );
  if (hasSecret) {
    const expiresAt = input.clientSecretExpiresAt ?? null;
    if (expiresAt && expiresAt.getTime() <= Date.now())
      throw new BadUserInputError(
        'clientSecretExpiresAt is in the past: that secret no longer works',
        'clientSecretExpiresAt',
      );
    return { plaintext: { kind: 'secret', secret: input.clientSecret as string }, expiresAt };
  }
  const { pem, thumbprint } = input.certificate!;
  if (!hasPrivateKey(pem))
    throw new BadUserInputError(
      'certificate.pem must contain a PEM private key (BEGIN PRIVATE KEY)',
      'certificate.pem',
    );
  const thumbprintSha256 = normalizeThumbprint(thumbprint);
  if (!/^[0-9a-f]{64}$/.test(thumbprintSha256))
    throw new BadUserInputError(
      'certificate.thumbprint must be the SHA-256 thumbprint (64 hex digits)',
      'certificate.thumbprint',
    );
  return {
    plaintext: { kind: 'certificate', privateKeyPem: pem, thumbprintSha256 },
    expiresAt: certificateExpiry(pem),
  };
}
