import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppConfig } from '../../../infrastructure/config/app-config';
import { EventBus } from '../../../infrastructure/events';
import type { OperationRun } from '../domain/operation-run.entity';
import { RunEventsPublisher } from './run-events.publisher';
import { RunExecution } from './run-execution';
import type { RunTypeOptions } from './run-handler';
import { type HeldLock, RunLock } from './run-lock';
import { RunTransitions } from './run-transitions';

/** The attempts running in this process; a cancel request from any process aborts the matching one at once. */
@Injectable()
export class RunExecutions implements OnModuleInit {
  private readonly active = new Map<string, RunExecution>();
  private releasing = false;

  constructor(
    private readonly transitions: RunTransitions,
    private readonly publisher: RunEventsPublisher,
    private readonly lock: RunLock,
    private readonly config: AppConfig,
    private readonly bus: EventBus,
  ) {}

  onModuleInit(): void {
    this.bus.on('operation-run.cancel-requested', ({ runId }) => this.active.get(runId)?.abort('cancelled'));
  }

  open(run: OperationRun, options: RunTypeOptions, heldLock: HeldLock | null): RunExecution {
    const { env } = this.config;
    const execution = new RunExecution(
      run,
      {
        heartbeatIntervalMs: env.RUN_HEARTBEAT_INTERVAL_MS,
        heartbeatTimeoutMs: this.lock.ttlFor(options),
        timeoutMs: options.timeoutMs,
        progressFlushMs: env.RUN_PROGRESS_FLUSH_MS,
      },
      { transitions: this.transitions, publisher: this.publisher, lock: this.lock, heldLock },
    );
    this.active.set(run.id, execution);
    execution.begin();
    // A job claimed while the worker is already releasing (it was fetched before the shutdown) is handed back too.
    if (this.releasing) execution.release();
    return execution;
  }

  async close(execution: RunExecution): Promise<void> {
    this.active.delete(execution.runId);
    await execution.end();
  }

  /** Shutdown after the grace period: every attempt still running here is aborted and handed back by its wrapper. */
  releaseAll(): number {
    this.releasing = true;
    for (const execution of this.active.values()) execution.release();
    return this.active.size;
  }

  isActive(runId: string): boolean {
    return this.active.has(runId);
  }
}
