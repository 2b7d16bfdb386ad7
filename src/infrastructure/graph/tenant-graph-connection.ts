/** What the Graph layer needs to call Graph for one tenant. Credentials arrive decrypted and never leave this layer. */
export interface TenantGraphConnection {
  /** Our tenant id + credential version: one cached MSAL app per key, so new credentials mean a new key. */
  connectionKey: string;
  entraTenantId: string;
  clientId: string;
  credential:
    { kind: 'secret'; secret: string } | { kind: 'certificate'; privateKeyPem: string; thumbprintSha256: string };
}
