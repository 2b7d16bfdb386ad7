import type { NoopRunContext, NoopRunResult } from './handlers/noop.handler';

declare module '../../../infrastructure/runs' {
  interface RunTypeMap {
    'system.noop': { context: NoopRunContext; result: NoopRunResult };
    'system.noop.locked': { context: NoopRunContext; result: NoopRunResult };
  }
}

export type { NoopRunContext, NoopRunResult };
