import { Module } from '@nestjs/common';
import { RunAttemptRunner } from './application/run-attempt.runner';
import { RunLock } from './application/run-lock';
import { RunReaper } from './application/run-reaper';
import { RunReconciler } from './application/run-reconciler';
import { RunWorker } from './application/run-worker';
import { StaleRunRecovery } from './application/stale-run-recovery';
import { OperationRunsModule } from './operation-runs.module';

/**
 * What only worker processes run (APP_ROLE worker or all; the composition root decides): the BullMQ worker and the
 * attempt runner behind it, the reaper that ends dead or overdue runs, the reconciler that re-drives queued orphans.
 */
@Module({
  imports: [OperationRunsModule],
  providers: [RunLock, StaleRunRecovery, RunAttemptRunner, RunWorker, RunReaper, RunReconciler],
})
export class OperationRunsWorkersModule {}
