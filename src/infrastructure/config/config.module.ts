import { DynamicModule, Global, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { AppConfig } from './app-config';
import type { Environment } from './environment';

/**
 * The env is validated once before Nest starts (main.ts) and handed in, so tests can boot several apps with
 * different settings in one process without touching process.env.
 */
@Global()
@Module({})
export class AppConfigModule {
  static forRoot(env: Environment): DynamicModule {
    return {
      module: AppConfigModule,
      imports: [ConfigModule.forRoot({ ignoreEnvFile: true, load: [() => ({ app: env })] })],
      providers: [
        {
          provide: AppConfig,
          inject: [ConfigService],
          useFactory: (config: ConfigService): AppConfig => ({ env: config.getOrThrow<Environment>('app') }),
        },
      ],
      exports: [AppConfig],
    };
  }
}
