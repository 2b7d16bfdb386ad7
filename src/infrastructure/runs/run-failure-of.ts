import {
  GraphAuthError,
  GraphError,
  GraphNotFoundError,
  GraphPermissionError,
  GraphThrottledError,
  GraphUnavailableError,
  GraphValidationError,
} from '../graph';
import { plainErrorMessage } from '../../shared/redact';
import type { RunFailureCode } from './run-failure-codes';

export interface DescribedFailure {
  code: RunFailureCode;
  message: string;
}

/**
 * The catalogued code and a plain sentence for an error that ended a run or one of its items: the same words
 * whichever run met it (a sync whose token fails says what a verify would say). Never the credential.
 */
export function runFailureOf(error: unknown, tenant: { entraTenantId?: string } = {}): DescribedFailure {
  if (error instanceof GraphAuthError) return authFailureOf(error, tenant.entraTenantId);
  if (error instanceof GraphUnavailableError)
    return {
      code: 'graph_unavailable',
      message: `Microsoft Graph did not answer (${error.status || 'network error'}); try again later. ${error.message}`,
    };
  if (error instanceof GraphThrottledError) return { code: 'graph_throttled', message: error.message };
  if (error instanceof GraphPermissionError) return { code: 'graph_forbidden', message: error.message };
  if (error instanceof GraphNotFoundError) return { code: 'graph_not_found', message: error.message };
  if (error instanceof GraphValidationError) return { code: 'graph_rejected', message: error.message };
  if (error instanceof GraphError) return { code: 'graph_error', message: error.message };
  return { code: 'unexpected_error', message: plainErrorMessage(error) };
}

/** The catalogued code for one Graph answer's HTTP status (0: no answer), when only the status is at hand. */
export function runFailureCodeForStatus(status: number): RunFailureCode {
  if (status === 0 || status >= 500) return 'graph_unavailable';
  if (status === 429) return 'graph_throttled';
  if (status === 403) return 'graph_forbidden';
  if (status === 404) return 'graph_not_found';
  if (status === 400) return 'graph_rejected';
  return 'graph_error';
}

function authFailureOf(error: GraphAuthError, entraTenantId = 'with this id'): DescribedFailure {
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
      return consentMissingFailure(code);
    case 'unauthorized_client':
      return {
        code: 'app_not_found',
        message: `The app registration was not found or is disabled in this tenant${code}. Check the client id, and that an admin has consented to the app in this tenant.`,
      };
    default:
      return { code: 'token_failed', message: `Could not get a token for this tenant: ${error.message}` };
  }
}

export function consentMissingFailure(detail = ''): DescribedFailure {
  return {
    code: 'consent_missing',
    message: `Admin consent missing: the app holds no Microsoft Graph application permissions in this tenant${detail}. A Global Administrator must grant admin consent for the permissions listed in docs/connecting-a-tenant.md.`,
  };
}
