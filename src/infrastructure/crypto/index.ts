export { CryptoModule } from './crypto.module';
export { CredentialCipher, CredentialDecryptionError } from './credential-cipher';
export type { SealedValue } from './credential-cipher';
export { keyRingFromSettings } from './encryption-key-ring';
export type { EncryptionKeyRing } from './encryption-key-ring';
