import { Badge } from '@mantine/core';
import type { OperationRunOutcome, OperationRunStatus } from '../gql/graphql';

const OUTCOME_COLORS: Record<OperationRunOutcome, string> = {
  SUCCEEDED: 'green',
  PARTIALLY_SUCCEEDED: 'yellow',
  FAILED: 'red',
  CANCELLED: 'gray',
  TIMED_OUT: 'orange',
};

export const outcomeLabel = (outcome: OperationRunOutcome): string =>
  ({
    SUCCEEDED: 'Succeeded',
    PARTIALLY_SUCCEEDED: 'Partially succeeded',
    FAILED: 'Failed',
    CANCELLED: 'Cancelled',
    TIMED_OUT: 'Timed out',
  })[outcome];

export const statusLabel = (status: OperationRunStatus): string =>
  ({ QUEUED: 'Queued', RUNNING: 'Running', COMPLETED: 'Completed' })[status];

/** One badge for where a run is: Queued, Running, or how it ended. */
export function RunStatusBadge({
  status,
  outcome,
}: {
  status: OperationRunStatus;
  outcome?: OperationRunOutcome | null;
}) {
  if (status === 'COMPLETED' && outcome)
    return (
      <Badge color={OUTCOME_COLORS[outcome]} variant="filled">
        {outcomeLabel(outcome)}
      </Badge>
    );
  return (
    <Badge color={status === 'RUNNING' ? 'blue' : 'gray'} variant={status === 'RUNNING' ? 'filled' : 'outline'}>
      {statusLabel(status)}
    </Badge>
  );
}
