import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '../../infrastructure/events';
import { LockedNoopRunHandler, NoopRunHandler } from './application/handlers/noop.handler';
import { OperationRunQueries } from './application/operation-run.queries';
import { OperationRunsFacade } from './application/operation-runs.facade';
import { RunEventsPublisher } from './application/run-events.publisher';
import { RunMetrics } from './application/run-metrics';
import { RunQueue } from './application/run-queue';
import { RunStore } from './application/run-store';
import { RunTypeRegistry } from './application/run-type.registry';
import { OperationRun } from './domain/operation-run.entity';
import { OperationRunsResolver } from './graphql/operation-runs.resolver';
import { RunAccess } from './graphql/run-access';
import { RunSummaryCountsResolver } from './graphql/run-summary-counts.resolver';
import { RunUpdatesPubSub } from './graphql/run-updates.pubsub';

/**
 * Runs in every role: start, monitoring and live updates. What only workers do (the BullMQ worker, reaper and
 * reconciler) is OperationRunsWorkersModule, which the composition root adds for worker roles. The store, queue,
 * registry and publisher are exported to that sibling module only (their classes are not in index.ts).
 */
@Module({
  imports: [TypeOrmModule.forFeature([OperationRun]), DiscoveryModule, EventsModule],
  providers: [
    RunTypeRegistry,
    RunStore,
    RunQueue,
    RunEventsPublisher,
    RunMetrics,
    OperationRunQueries,
    OperationRunsFacade,
    NoopRunHandler,
    LockedNoopRunHandler,
    RunAccess,
    RunUpdatesPubSub,
    OperationRunsResolver,
    RunSummaryCountsResolver,
  ],
  exports: [OperationRunsFacade, EventsModule, RunTypeRegistry, RunStore, RunQueue, RunEventsPublisher],
})
export class OperationRunsModule {}
