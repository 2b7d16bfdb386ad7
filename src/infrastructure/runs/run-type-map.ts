/**
 * Every run type: its key → the context a start passes and the result its handler stores on the run. The module that
 * owns a run type adds it by declaration merging, in its own `*.run-types.ts` (the immich EventMap pattern):
 *
 *   declare module '../../../infrastructure/runs' {
 *     interface RunTypeMap { 'inventory.sync': { context: InventorySyncContext; result: InventorySyncResult } }
 *   }
 *
 * so `start('inventory.sync', …)`, a handler's `run.context` and its `result` are checked by the compiler.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RunTypeMap {}

export type RunTypeKey = keyof RunTypeMap & string;
export type RunContextOf<K extends RunTypeKey> = RunTypeMap[K] extends { context: infer C } ? C : never;
export type RunResultOf<K extends RunTypeKey> = RunTypeMap[K] extends { result: infer R } ? R : never;

/** A type without required context fields may be started without a context. */
export type RunContextInput<K extends RunTypeKey> =
  Record<string, never> extends RunContextOf<K> ? { context?: RunContextOf<K> } : { context: RunContextOf<K> };
