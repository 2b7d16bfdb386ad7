import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../../infrastructure/events';
import { RbacModule } from '../rbac';
import { NoopRunHandler, LockedNoopRunHandler } from './application/handlers/noop.handler';
import { OperationRunQueries } from './application/operation-run.queries';
import { OperationRunService } from './application/operation-run.service';
import { RunEventsPublisher } from './application/run-events.publisher';
import { RunExecutions } from './application/run-executions';
import { RunLock } from './application/run-lock';
import { RunProcessor } from './application/run-processor';
import { RunQueue } from './application/run-queue';
import { RunReaper } from './application/run-reaper';
import { RunReconciler } from './application/run-reconciler';
import { RunTransitions } from './application/run-transitions';
import { RunTypeRegistry } from './application/run-type.registry';
import { RunWorker } from './application/run-worker';
import { OperationRun } from './domain/operation-run.entity';
import { OperationRunsResolver } from './graphql/operation-runs.resolver';
import { RunSummaryCountsResolver } from './graphql/run-summary-counts.resolver';
import { RunAccess } from './graphql/run-access';
import { RunUpdatesPubSub } from './graphql/run-updates.pubsub';

/**
 * Runs in every role: start, monitoring and live updates everywhere; the worker, reaper and reconciler act only in
 * the worker and all roles (they check APP_ROLE when the application boots). Resolvers are inert without GraphQL.
 */
@Module({
  imports: [TypeOrmModule.forFeature([OperationRun]), DiscoveryModule, EventsModule, RbacModule],
  providers: [
    RunTypeRegistry,
    RunTransitions,
    RunQueue,
    RunEventsPublisher,
    OperationRunQueries,
    OperationRunService,
    RunLock,
    RunExecutions,
    RunProcessor,
    RunReaper,
    RunReconciler,
    RunWorker,
    NoopRunHandler,
    LockedNoopRunHandler,
    RunAccess,
    RunUpdatesPubSub,
    OperationRunsResolver,
    RunSummaryCountsResolver,
  ],
  exports: [OperationRunService, EventsModule],
})
export class OperationRunsModule {}
