import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKeyRing } from './encryption-key-ring';

/** A ciphertext and the id of the key that sealed it (stored side by side so keys can rotate). */
export interface SealedValue {
  keyId: string;
  /** base64 of `v1 | iv (12) | tag (16) | ciphertext`. */
  ciphertext: string;
}

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class CredentialDecryptionError extends Error {
  override name = 'CredentialDecryptionError';
}

/**
 * AES-256-GCM for credentials at rest. `context` is bound as additional authenticated data (e.g. the tenant id),
 * so a ciphertext copied to another row does not decrypt there.
 */
export class CredentialCipher {
  constructor(private readonly ring: EncryptionKeyRing) {}

  get currentKeyId(): string {
    return this.ring.currentKeyId;
  }

  seal(plaintext: string, context: string): SealedValue {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key(this.ring.currentKeyId), iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const blob = Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    return { keyId: this.ring.currentKeyId, ciphertext: blob.toString('base64') };
  }

  open(sealed: SealedValue, context: string): string {
    const blob = Buffer.from(sealed.ciphertext, 'base64');
    if (blob.length < 1 + IV_BYTES + TAG_BYTES || blob[0] !== VERSION)
      throw new CredentialDecryptionError('Unsupported credential ciphertext format');
    const iv = blob.subarray(1, 1 + IV_BYTES);
    const tag = blob.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key(sealed.keyId), iv);
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(blob.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    } catch (error) {
      if (error instanceof CredentialDecryptionError) throw error;
      throw new CredentialDecryptionError(
        `Credential does not decrypt with key "${sealed.keyId}" (tampered, or sealed for another record)`,
      );
    }
  }

  /** True when the value was sealed with an older key and should be re-sealed. */
  needsRotation(sealed: Pick<SealedValue, 'keyId'>): boolean {
    return sealed.keyId !== this.ring.currentKeyId;
  }

  private key(keyId: string): Buffer {
    const key = this.ring.keys.get(keyId);
    if (!key)
      throw new CredentialDecryptionError(`Unknown encryption key id "${keyId}": add it to ENCRYPTION_PREVIOUS_KEYS`);
    return key;
  }
}
