/**
 * Every code a run failure may carry (`OperationRun.failures[].code`), with what it means for the person reading the
 * run. Codes are stable lower_snake_case strings clients may branch on; the failure's `message` says the specifics
 * in plain words (never an internal class name). README › Run failure codes lists them, and a test keeps it true.
 */
export const RUN_FAILURE_CODES = {
  // The run's own life
  timeout: 'The run exceeded its time limit.',
  worker_lost: 'The worker running it stopped answering (its heartbeat timed out); retried while attempts remain.',
  worker_shutdown: 'The worker shut down before the run finished; retried while attempts remain.',
  lock_lost: 'The run lost its lock or its queue job (e.g. Redis lost its data); retried while attempts remain.',
  enqueue_failed: 'The run could not be queued (Redis unreachable when it was started).',
  unknown_run_type: 'No handler for the run type in this build (a newer or older version queued it).',
  unexpected_error: 'An unexpected error stopped the run; the message says which, the log has the details.',
  failed_without_reason: 'The run ended failed without reporting why (a defect in its handler).',
  // The tenant and its connection
  tenant_unavailable: 'The tenant was archived or deleted while the run waited or ran.',
  invalid_credentials: "Entra ID rejected the tenant's client secret or certificate.",
  expired_secret: "The tenant's client secret has expired.",
  tenant_not_found: 'Entra ID does not know the tenant id.',
  app_not_found: 'The app registration was not found or is disabled in the tenant.',
  consent_missing: 'The app holds no (or not the needed) Microsoft Graph application permissions in the tenant.',
  token_failed: 'A token for the tenant could not be acquired for another reason (the message says which).',
  credential_replaced: "The tenant's credential was replaced while the run used the old one; nothing was stored.",
  // Microsoft Graph
  graph_unavailable:
    'Microsoft Graph did not answer (timeouts, network errors, 503/504), or it kept failing for this tenant and the run stopped asking.',
  graph_throttled: 'Microsoft Graph kept answering 429 (throttled) after every retry.',
  graph_forbidden: 'Microsoft Graph refused the request (403): a permission is missing.',
  graph_not_found: 'Microsoft Graph has no such object (404).',
  graph_rejected: 'Microsoft Graph rejected the request as invalid (400).',
  graph_error: 'Microsoft Graph answered with another error (the message has its status and code).',
  // Inventory
  permission_missing: 'The type was skipped: the connection lacks the permission to read it (the message names it).',
} as const;

export type RunFailureCode = keyof typeof RUN_FAILURE_CODES;

export function isRunFailureCode(code: string): code is RunFailureCode {
  return Object.hasOwn(RUN_FAILURE_CODES, code);
}
