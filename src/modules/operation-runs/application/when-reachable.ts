import { ExponentialBackoff, handleWhen, retry } from 'cockatiel';
import { dependencyUnavailable } from '../../../shared/dependency-unavailable';

/**
 * Runs a run-state write, retrying it while PostgreSQL (or Redis) is unreachable, for at most `maxWaitMs`: an attempt
 * that ends during a short outage is completed (or handed back) within a backoff step of the database's return,
 * instead of sitting `running` until the reaper notices its stale heartbeat. Any other error is thrown at once.
 */
export function whenReachable<T>(write: () => Promise<T>, maxWaitMs: number): Promise<T> {
  const deadline = Date.now() + maxWaitMs;
  return retry(
    handleWhen((error) => dependencyUnavailable(error) !== null && Date.now() < deadline),
    { maxAttempts: Number.MAX_SAFE_INTEGER, backoff: new ExponentialBackoff({ initialDelay: 200, maxDelay: 1000 }) },
  ).execute(write);
}
