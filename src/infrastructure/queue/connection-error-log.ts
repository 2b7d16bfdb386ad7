import { getQueueToken } from '@nestjs/bullmq';
import { Logger, type Provider } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { safeErrorMessage } from '../../shared/redact';

const REPEAT_MS = 60_000;

/**
 * An `error` listener for a BullMQ Queue or Worker (without one, BullMQ prints every reconnect failure to the console
 * with a stack). Redis being away is one warning, then at most one a minute with the count, not one per retry.
 */
export function connectionErrorLog(logger: Logger, what: string): (error: unknown) => void {
  let lastAt = 0;
  let suppressed = 0;
  return (error) => {
    const now = Date.now();
    if (now - lastAt < REPEAT_MS) {
      suppressed += 1;
      return;
    }
    const more = suppressed ? ` (${suppressed} more since the last warning)` : '';
    logger.warn(`${what}: ${safeErrorMessage(error)}${more}`);
    lastAt = now;
    suppressed = 0;
  };
}

/**
 * A provider that gives a `BullModule.registerQueue` queue its `error` listener as soon as the queue exists: it
 * depends on the queue alone, so it runs before the queue's first connection attempt can fail (a listener added in a
 * service constructor comes after the database connected, by when Redis may already have refused).
 */
export function queueErrorListener(name: string): Provider {
  return {
    provide: `${name}:error-listener`,
    inject: [getQueueToken(name)],
    useFactory: (queue: Queue) => queue.on('error', connectionErrorLog(new Logger('Queue'), `Queue ${name}`)),
  };
}
