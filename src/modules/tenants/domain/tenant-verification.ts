/** What the last `tenant.verify` run concluded (stored on the tenant; the run keeps the details). */
export interface TenantVerification {
  status: 'succeeded' | 'failed';
  /** Stable code: ok | invalid_credentials | expired_secret | consent_missing | tenant_not_found | app_not_found | graph_unreachable | error. */
  code: string;
  message: string;
  runId: string | null;
  at: string;
  organizationName?: string | null;
}
