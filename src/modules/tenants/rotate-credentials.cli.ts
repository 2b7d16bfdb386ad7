import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfigModule } from '../../infrastructure/config/config.module';
import { validateEnvironment } from '../../infrastructure/config/environment';
import { CryptoModule } from '../../infrastructure/crypto';
import { DatabaseModule } from '../../infrastructure/database/database.module';
import { AuditModule } from '../audit';
import { RotateCredentialsUseCase } from './application/rotate-credentials.use-case';
import { TenantEntity } from './domain/tenant.entity';

/**
 * `npm run credentials:rotate`: after setting a new ENCRYPTION_KEY/ENCRYPTION_KEY_ID and moving the old key to
 * ENCRYPTION_PREVIOUS_KEYS, re-encrypts every tenant credential to the new key. The old key can be removed afterwards.
 */
async function main(): Promise<void> {
  const env = validateEnvironment(process.env);
  @Module({
    imports: [
      AppConfigModule.forRoot(env),
      DatabaseModule,
      CryptoModule,
      AuditModule,
      TypeOrmModule.forFeature([TenantEntity]),
    ],
    providers: [RotateCredentialsUseCase],
  })
  class RotateCredentialsCliModule {}
  const context = await NestFactory.createApplicationContext(RotateCredentialsCliModule, { logger: ['error', 'warn'] });
  try {
    const { rotated, alreadyCurrent } = await context.get(RotateCredentialsUseCase).execute();
    console.log(
      `credentials:rotate: re-encrypted ${rotated} tenant credential(s) to key "${env.ENCRYPTION_KEY_ID}"; ${alreadyCurrent} already current.`,
    );
  } finally {
    await context.close();
  }
}

main().catch((error: Error) => {
  console.error(`credentials:rotate failed: ${error.message}`);
  process.exit(1);
});
