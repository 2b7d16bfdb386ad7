import { X509Certificate } from 'node:crypto';

export type CredentialKind = 'secret' | 'certificate';

/** The plaintext that gets sealed: exactly what MSAL needs, nothing else. */
export type CredentialPlaintext =
  { kind: 'secret'; secret: string } | { kind: 'certificate'; privateKeyPem: string; thumbprintSha256: string };

/** Normalizes a SHA-256 (64 hex) or SHA-1 (40 hex) thumbprint written with colons, spaces or in upper case. */
export function normalizeThumbprint(thumbprint: string): string {
  return thumbprint.replace(/[\s:]/g, '').toLowerCase();
}

/** When the PEM bundle also carries the certificate, its notAfter is the credential's expiry. */
export function certificateExpiry(pem: string): Date | null {
  const block = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!block) return null;
  try {
    return new Date(new X509Certificate(block).validTo);
  } catch {
    return null;
  }
}

export function hasPrivateKey(pem: string): boolean {
  return /-----BEGIN (RSA |EC )?PRIVATE KEY-----[\s\S]+-----END (RSA |EC )?PRIVATE KEY-----/.test(pem);
}
