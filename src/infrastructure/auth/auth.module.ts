import { Global, Module } from '@nestjs/common';
import { AccessTokenVerifier } from './access-token.verifier';

@Global()
@Module({ providers: [AccessTokenVerifier], exports: [AccessTokenVerifier] })
export class AuthModule {}
