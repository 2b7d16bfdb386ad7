import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from './infrastructure/auth/auth.module';
import { AppConfigModule } from './infrastructure/config/config.module';
import type { Environment } from './infrastructure/config/environment';
import { DatabaseModule } from './infrastructure/database/database.module';
import { GraphModule } from './infrastructure/graph';
import { GraphqlSetupModule } from './infrastructure/graphql/graphql-setup.module';
import { HealthModule } from './infrastructure/health/health.module';
import { LoggingModule } from './infrastructure/logging/logging.module';
import { QueueModule } from './infrastructure/queue/queue.module';
import { RateLimitModule } from './infrastructure/rate-limit/rate-limit.module';
import { RedisModule } from './infrastructure/redis/redis.module';
import { AuditModule } from './modules/audit';
import { BackupsModule } from './modules/backups';
import { InventoryModule } from './modules/inventory';
import { NotificationsModule } from './modules/notifications';
import { OperationRunsModule } from './modules/operation-runs';
import { RbacModule } from './modules/rbac';
import { RestoreModule } from './modules/restore';
import { TenantsModule } from './modules/tenants';

/**
 * One codebase, three roles: `api` serves HTTP + GraphQL + subscriptions, `worker` runs queue processors and
 * schedulers (and only the health endpoints), `all` does both. Modules register their processors only when the
 * role runs workers (see each module's `forRole`).
 */
@Module({})
export class AppModule {
  static forRoot(env: Environment): DynamicModule {
    const servesApi = env.APP_ROLE !== 'worker';
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(env),
        LoggingModule,
        DatabaseModule,
        RedisModule,
        QueueModule,
        AuthModule,
        RateLimitModule,
        HealthModule,
        GraphModule,
        ...(servesApi ? [GraphqlSetupModule] : []),
        AuditModule,
        RbacModule,
        TenantsModule,
        OperationRunsModule,
        NotificationsModule,
        InventoryModule,
        BackupsModule,
        RestoreModule,
      ],
    };
  }
}
