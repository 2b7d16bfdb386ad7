/** What the last `tenant.verify` run concluded (stored on the tenant; the run keeps the details). */
export interface TenantVerification {
  status: 'succeeded' | 'failed';
  /** `ok`, or the run failure code (RUN_FAILURE_CODES) of the failed check. */
  code: string;
  message: string;
  runId: string | null;
  at: string;
  organizationName?: string | null;
}
