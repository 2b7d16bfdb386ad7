import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CredentialCipher } from './credential-cipher';
import { keyRingFromSettings } from './encryption-key-ring';

@Global()
@Module({
  providers: [
    {
      provide: CredentialCipher,
      inject: [AppConfig],
      useFactory: ({ env }: AppConfig) => new CredentialCipher(keyRingFromSettings(env)),
    },
  ],
  exports: [CredentialCipher],
})
export class CryptoModule {}
