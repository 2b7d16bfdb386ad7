import { type DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from './infrastructure/access';
import { AuthModule } from './infrastructure/auth/auth.module';
import { AppConfigModule } from './infrastructure/config/config.module';
import type { Environment } from './infrastructure/config/environment';
import { ConsoleModule } from './infrastructure/console';
import { DatabaseModule } from './infrastructure/database/database.module';
import { OutboxSweepModule } from './infrastructure/events';
import { GraphModule } from './infrastructure/graph';
import { GraphqlSetupModule } from './infrastructure/graphql/graphql-setup.module';
import { HealthModule } from './infrastructure/health/health.module';
import { LoggingModule } from './infrastructure/logging/logging.module';
import { MetricsModule } from './infrastructure/metrics';
import { QueueModule } from './infrastructure/queue/queue.module';
import { RateLimitModule } from './infrastructure/rate-limit/rate-limit.module';
import { RedisModule } from './infrastructure/redis/redis.module';
import { TracingModule } from './infrastructure/tracing';
import { AuditFacade, AuditModule } from './modules/audit';
import { BackupsHttpModule, BackupsModule, BackupsWorkersModule } from './modules/backups';
import { DirectoryModule } from './modules/directory';
import { InventoryModule, InventoryWorkersModule } from './modules/inventory';
import { NotificationsModule } from './modules/notifications';
import { OperationRunsModule, OperationRunsWorkersModule } from './modules/operation-runs';
import { RbacFacade, RbacModule } from './modules/rbac';
import { RestoreModule } from './modules/restore';
import { TenantsFacade, TenantsModule } from './modules/tenants';

/**
 * The composition root. One codebase, three roles (APP_ROLE): `api` serves HTTP + GraphQL + subscriptions, `worker`
 * runs queue processors and periodic sweeps (and only the health endpoints), `all` does both. This is the one place
 * that reads the role: each bounded context is a module for every role plus, where it has background work, a
 * `*WorkersModule` that only worker roles include. It also binds the platform access layer to the facades that own
 * memberships, tenants and the audit trail.
 */
@Module({})
export class AppModule {
  static forRole(env: Environment): DynamicModule {
    const servesApi = env.APP_ROLE !== 'worker';
    const runsWorkers = env.APP_ROLE !== 'api';
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
        MetricsModule,
        TracingModule,
        GraphModule,
        AccessModule.forRoot({
          imports: [RbacModule, TenantsModule, AuditModule],
          memberships: RbacFacade,
          tenants: TenantsFacade,
          audit: AuditFacade,
        }),
        ...(servesApi ? [GraphqlSetupModule, ConsoleModule, BackupsHttpModule] : []),
        AuditModule,
        RbacModule,
        TenantsModule,
        OperationRunsModule,
        NotificationsModule,
        DirectoryModule,
        InventoryModule,
        BackupsModule,
        RestoreModule,
        ...(runsWorkers
          ? [OutboxSweepModule, OperationRunsWorkersModule, InventoryWorkersModule, BackupsWorkersModule]
          : []),
      ],
    };
  }
}
