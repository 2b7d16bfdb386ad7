import { GraphAuthError, GraphError, GraphPermissionError, GraphUnavailableError } from '../../../infrastructure/graph';
import { safeErrorMessage } from '../../../shared/redact';

export interface VerifyFinding {
  code:
    | 'invalid_credentials'
    | 'expired_secret'
    | 'consent_missing'
    | 'tenant_not_found'
    | 'app_not_found'
    | 'graph_unreachable'
    | 'error';
  message: string;
}

/** One clear sentence per way a connection fails, with what to do about it. Never includes the credential. */
export function verifyFindingFor(error: unknown, entraTenantId: string): VerifyFinding {
  if (error instanceof GraphAuthError) {
    const code = error.aadstsCode ? ` (${error.aadstsCode})` : '';
    switch (error.kind) {
      case 'invalid_client':
        return {
          code: 'invalid_credentials',
          message: `Wrong credential: Entra ID rejected the client secret or certificate${code}. Use the secret's value (not its id), or the certificate registered on the app, and update the tenant's credentials.`,
        };
      case 'expired_secret':
        return {
          code: 'expired_secret',
          message: `The client secret has expired${code}. Create a new secret on the app registration and update the tenant's credentials.`,
        };
      case 'tenant_not_found':
        return {
          code: 'tenant_not_found',
          message: `Unknown tenant: Entra ID has no tenant ${entraTenantId}${code}. Check the tenant id (Entra admin center → Overview).`,
        };
      case 'consent_required':
        return consentMissing(code);
      case 'unauthorized_client':
        return {
          code: 'app_not_found',
          message: `The app registration was not found or is disabled in this tenant${code}. Check the client id, and that an admin has consented to the app in this tenant.`,
        };
      default:
        return { code: 'error', message: `Could not get a token for this tenant: ${error.message}` };
    }
  }
  if (error instanceof GraphPermissionError) return consentMissing(error.graphCode ? ` (${error.graphCode})` : '');
  if (error instanceof GraphUnavailableError)
    return {
      code: 'graph_unreachable',
      message: `Microsoft Graph did not answer (${error.status || 'network error'}); try again later.`,
    };
  if (error instanceof GraphError)
    return { code: 'error', message: `Microsoft Graph refused the check: ${error.message}` };
  return { code: 'error', message: `Verification failed: ${safeErrorMessage(error, 300)}` };
}

export function consentMissing(detail = ''): VerifyFinding {
  return {
    code: 'consent_missing',
    message: `Admin consent missing: the app holds no Microsoft Graph application permissions in this tenant${detail}. A Global Administrator must grant admin consent for the permissions listed in docs/connecting-a-tenant.md.`,
  };
}
