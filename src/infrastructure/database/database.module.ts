import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import { ensureDatabaseExists } from './database-url';
import { TypeOrmLogger } from './typeorm-logger';

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: async ({ env }: AppConfig) => {
        if (env.DATABASE_AUTO_CREATE) await ensureDatabaseExists(env.DATABASE_URL);
        return {
          ...buildDataSourceOptions(env.DATABASE_URL, { migrationsRun: env.MIGRATIONS_RUN }),
          extra: {
            max: env.DATABASE_POOL_SIZE,
            application_name: `tenantatlas-${env.APP_ROLE}`,
            connectionTimeoutMillis: 5000,
          },
          autoLoadEntities: true,
          retryAttempts: 2,
          retryDelay: 500,
          logging: ['error', 'warn', 'migration'],
          logger: new TypeOrmLogger(),
        };
      },
    }),
  ],
})
export class DatabaseModule {}
