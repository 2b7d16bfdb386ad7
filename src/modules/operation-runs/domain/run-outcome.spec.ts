import { RunCancelledError } from './operation-runs.errors';
import { OperationRunOutcome } from '../../../infrastructure/runs';
import { outcomeOf } from './run-outcome';

describe('outcomeOf', () => {
  it('should succeed a handler that returned without failures', () => {
    expect(outcomeOf({ abort: null, failureCount: 0 })).toBe(OperationRunOutcome.Succeeded);
  });
  it('should partially succeed a handler that recorded item failures', () => {
    expect(outcomeOf({ abort: null, failureCount: 2 })).toBe(OperationRunOutcome.PartiallySucceeded);
  });
  it('should keep the outcome a handler declared', () => {
    expect(outcomeOf({ abort: null, declared: OperationRunOutcome.Failed, failureCount: 0 })).toBe(
      OperationRunOutcome.Failed,
    );
  });
  it('should fail a handler that threw', () => {
    expect(outcomeOf({ abort: null, error: new Error('x'), failureCount: 0 })).toBe(OperationRunOutcome.Failed);
  });
  it('should cancel when a cancel was requested, however the handler ended', () => {
    expect(outcomeOf({ abort: 'cancelled', failureCount: 0 })).toBe(OperationRunOutcome.Cancelled);
    expect(outcomeOf({ abort: 'cancelled', error: new Error('aborted'), failureCount: 0 })).toBe(
      OperationRunOutcome.Cancelled,
    );
    expect(outcomeOf({ abort: null, error: new RunCancelledError(), failureCount: 0 })).toBe(
      OperationRunOutcome.Cancelled,
    );
  });
  it('should time out a handler aborted by its attempt timeout', () => {
    expect(outcomeOf({ abort: 'timeout', error: new Error('aborted'), failureCount: 0 })).toBe(
      OperationRunOutcome.TimedOut,
    );
  });
  it('should time out a handler aborted because its worker shut down, whatever it returned', () => {
    expect(outcomeOf({ abort: 'shutdown', error: new Error('aborted'), failureCount: 0 })).toBe(
      OperationRunOutcome.TimedOut,
    );
    expect(outcomeOf({ abort: 'shutdown', declared: OperationRunOutcome.Succeeded, failureCount: 0 })).toBe(
      OperationRunOutcome.TimedOut,
    );
  });
});
