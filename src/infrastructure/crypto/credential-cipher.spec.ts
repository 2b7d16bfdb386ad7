import { randomBytes } from 'node:crypto';
import { CredentialCipher, CredentialDecryptionError } from './credential-cipher';
import { keyRingFromSettings } from './encryption-key-ring';

const key = () => randomBytes(32).toString('base64');

describe('CredentialCipher', () => {
  const oldKey = key();
  const newKey = key();
  const before = new CredentialCipher(keyRingFromSettings({ ENCRYPTION_KEY: oldKey, ENCRYPTION_KEY_ID: 'k1' }));
  const after = new CredentialCipher(
    keyRingFromSettings({ ENCRYPTION_KEY: newKey, ENCRYPTION_KEY_ID: 'k2', ENCRYPTION_PREVIOUS_KEYS: `k1:${oldKey}` }),
  );

  it('round-trips and never stores the plaintext', () => {
    const sealed = before.seal('super-secret-value', 'tenant-1');
    expect(sealed.keyId).toBe('k1');
    expect(sealed.ciphertext).not.toContain('super-secret-value');
    expect(Buffer.from(sealed.ciphertext, 'base64').toString('latin1')).not.toContain('super-secret-value');
    expect(before.open(sealed, 'tenant-1')).toBe('super-secret-value');
  });

  it('uses a fresh IV per seal', () => {
    expect(before.seal('x', 't').ciphertext).not.toBe(before.seal('x', 't').ciphertext);
  });

  it('should not decrypt a ciphertext moved to another record (context is authenticated)', () => {
    const sealed = before.seal('secret', 'tenant-1');
    expect(() => before.open(sealed, 'tenant-2')).toThrow(CredentialDecryptionError);
  });

  it('should not decrypt a tampered ciphertext', () => {
    const sealed = before.seal('secret', 't');
    const blob = Buffer.from(sealed.ciphertext, 'base64');
    blob[blob.length - 1] ^= 1;
    expect(() => before.open({ ...sealed, ciphertext: blob.toString('base64') }, 't')).toThrow(
      CredentialDecryptionError,
    );
  });

  it('decrypts with a previous key and re-seals with the current one', () => {
    const sealed = before.seal('secret', 't');
    expect(after.needsRotation(sealed)).toBe(true);
    const resealed = after.seal(after.open(sealed, 't'), 't');
    expect(resealed.keyId).toBe('k2');
    expect(after.needsRotation(resealed)).toBe(false);
    expect(() => before.open(resealed, 't')).toThrow(/Unknown encryption key id "k2"/);
  });

  it('rejects malformed previous keys', () => {
    expect(() =>
      keyRingFromSettings({ ENCRYPTION_KEY: oldKey, ENCRYPTION_KEY_ID: 'k', ENCRYPTION_PREVIOUS_KEYS: 'nocolon' }),
    ).toThrow(/id:base64key/);
    expect(() =>
      keyRingFromSettings({ ENCRYPTION_KEY: oldKey, ENCRYPTION_KEY_ID: 'k', ENCRYPTION_PREVIOUS_KEYS: 'old:c2hvcnQ=' }),
    ).toThrow(/32 bytes/);
  });
});
