import { OperationRunOutcome } from '../../../infrastructure/runs';

const ENDINGS: Record<OperationRunOutcome, string> = {
  [OperationRunOutcome.Succeeded]: 'succeeded',
  [OperationRunOutcome.PartiallySucceeded]: 'partially succeeded',
  [OperationRunOutcome.Failed]: 'failed',
  [OperationRunOutcome.Cancelled]: 'was cancelled',
  [OperationRunOutcome.TimedOut]: 'timed out',
};

/** "Inventory sync queued", "Inventory sync partially succeeded", … */
export function runNotificationTitle(typeTitle: string, outcome: OperationRunOutcome | null): string {
  return `${typeTitle} ${outcome ? ENDINGS[outcome] : 'queued'}`;
}
