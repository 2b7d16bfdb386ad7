import { csv } from '../config/app-config';

/** The current key (encrypts) plus older keys (decrypt only, until `credentials:rotate` has re-encrypted their rows). */
export interface EncryptionKeyRing {
  currentKeyId: string;
  keys: ReadonlyMap<string, Buffer>;
}

/** Parses ENCRYPTION_KEY / ENCRYPTION_KEY_ID / ENCRYPTION_PREVIOUS_KEYS ('id:base64,…'); fails on a malformed entry. */
export function keyRingFromSettings(settings: {
  ENCRYPTION_KEY: string;
  ENCRYPTION_KEY_ID: string;
  ENCRYPTION_PREVIOUS_KEYS?: string;
}): EncryptionKeyRing {
  const keys = new Map<string, Buffer>();
  for (const entry of csv(settings.ENCRYPTION_PREVIOUS_KEYS)) {
    const separator = entry.indexOf(':');
    const id = entry.slice(0, separator);
    if (separator < 1 || !/^[A-Za-z0-9_-]{1,32}$/.test(id))
      throw new Error('ENCRYPTION_PREVIOUS_KEYS: each entry must be id:base64key');
    keys.set(id, decodeKey(entry.slice(separator + 1), `ENCRYPTION_PREVIOUS_KEYS (${id})`));
  }
  keys.set(settings.ENCRYPTION_KEY_ID, decodeKey(settings.ENCRYPTION_KEY, 'ENCRYPTION_KEY'));
  return { currentKeyId: settings.ENCRYPTION_KEY_ID, keys };
}

function decodeKey(base64: string, name: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== 32) throw new Error(`${name} must be base64 of exactly 32 bytes`);
  return key;
}
