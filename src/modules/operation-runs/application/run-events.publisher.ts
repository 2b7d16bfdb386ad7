import { Injectable } from '@nestjs/common';
import { EventBus, Outbox, type OutboxEvent, type StagedEvent } from '../../../infrastructure/events';
import type { OperationRun } from '../domain/operation-run.entity';
import type { OperationRunOutcome } from '../../../infrastructure/runs';
import { withVersion } from './run-store';
import type { OperationRunEventBase, OperationRunSnapshot } from './operation-run.events';
import { RunMetrics } from './run-metrics';
import { RunTypeRegistry } from './run-type.registry';

export function snapshotOf(run: OperationRun): OperationRunSnapshot {
  return {
    id: run.id,
    type: run.type,
    status: run.status,
    outcome: run.outcome,
    tenantId: run.tenantId,
    initiatorUserId: run.initiatorUserId,
    summaryCounts: run.summaryCounts,
    failures: run.failures,
    result: run.result,
    attempt: run.attempt,
    cancelRequestedAt: run.cancelRequestedAt,
    heartbeatAt: run.heartbeatAt,
    createdAt: run.createdAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    version: run.version,
  };
}

/**
 * One call per transition: the run's new state for live views in every process (broadcast), and its domain events for
 * this process's listeners. `queued` and `completed` are durable: their events were written to the outbox with the
 * transition (queuedEvents / completedEvents build them) and are published here after the commit. Not awaited by
 * callers: ioredis keeps publish order.
 */
@Injectable()
export class RunEventsPublisher {
  constructor(
    private readonly bus: EventBus,
    private readonly outbox: Outbox,
    private readonly registry: RunTypeRegistry,
    private readonly metrics: RunMetrics,
  ) {}

  /** What a start writes to the outbox with the new run (its version is set by the insert). */
  queuedEvents(run: Pick<OperationRun, 'id' | 'tenantId' | 'type' | 'initiatorUserId'>): OutboxEvent[] {
    const payload = this.eventBase({ ...run, attempt: 1, version: 0 });
    return [{ name: 'operation-run.queued', payload, aggregateId: run.id }];
  }

  /** What a completion writes to the outbox: the run's own event, then the domain events its handler announced. */
  completedEvents(
    run: Pick<OperationRun, 'id' | 'tenantId' | 'type' | 'initiatorUserId' | 'attempt' | 'version' | 'summaryCounts'>,
    outcome: OperationRunOutcome,
    announced: readonly OutboxEvent[] = [],
  ): OutboxEvent[] {
    const payload = { ...this.eventBase(run), outcome, summaryCounts: run.summaryCounts };
    return [{ name: 'operation-run.completed', payload, aggregateId: run.id }, ...announced];
  }

  queued(run: OperationRun, events: StagedEvent[]): void {
    void this.outbox.publish(withVersion(events, run.version));
    this.updated(run);
  }

  started(run: OperationRun): void {
    this.metrics.started(run);
    this.bus.emit('operation-run.started', this.eventBase(run));
    this.updated(run);
  }

  progressed(run: OperationRun): void {
    this.bus.emit('operation-run.progressed', { ...this.eventBase(run), summaryCounts: run.summaryCounts });
    this.updated(run);
  }

  completed(run: OperationRun, events: StagedEvent[]): void {
    this.metrics.completed(run);
    void this.outbox.publish(withVersion(events, run.version));
    this.updated(run);
  }

  updated(run: OperationRun): void {
    void this.bus.broadcast('operation-run.updated', snapshotOf(run));
  }

  cancelRequested(runId: string): void {
    void this.bus.broadcast('operation-run.cancel-requested', { runId });
  }

  /** A cancel requested in any process (the attempt running the run aborts at once). */
  onCancelRequested(listener: (runId: string) => void): () => void {
    return this.bus.on('operation-run.cancel-requested', ({ runId }) => listener(runId));
  }

  /** The fields every run event carries (also used to shape runs for modules that repair a lost event). */
  eventBase(
    run: Pick<OperationRun, 'id' | 'tenantId' | 'type' | 'initiatorUserId' | 'attempt' | 'version'>,
  ): OperationRunEventBase {
    return {
      runId: run.id,
      tenantId: run.tenantId,
      type: run.type,
      title: this.registry.title(run.type),
      initiatorUserId: run.initiatorUserId,
      attempt: run.attempt,
      version: run.version,
    };
  }
}
