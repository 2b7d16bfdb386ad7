import { AuthError } from '@azure/msal-node';
import { safeErrorMessage } from '../../shared/redact';
import { GraphAuthError, GraphAuthErrorKind } from './graph-errors';

/** AADSTS codes that decide the kind; the OAuth `error` code alone is too coarse (invalid_client covers 3 cases). */
const KIND_BY_AADSTS: Record<string, GraphAuthErrorKind> = {
  '7000215': 'invalid_client', // invalid client secret
  '7000216': 'invalid_client', // client_assertion, client_secret or request is required
  '700027': 'invalid_client', // client assertion failed signature validation (certificate)
  '700023': 'invalid_client', // client assertion audience
  '7000222': 'expired_secret', // the provided client secret keys are expired
  '90002': 'tenant_not_found', // tenant not found
  '900023': 'tenant_not_found', // specified tenant identifier is neither a valid DNS name nor a valid external domain
  '90033': 'tenant_not_found',
  '65001': 'consent_required', // the user or administrator has not consented
  '7000229': 'consent_required', // the client application is missing a service principal in the tenant
  '500011': 'consent_required', // resource principal not found in the tenant
  '700016': 'unauthorized_client', // application not found in the directory
  '7000112': 'unauthorized_client', // application is disabled
};

const KIND_BY_ERROR_CODE: Record<string, GraphAuthErrorKind> = {
  invalid_client: 'invalid_client',
  unauthorized_client: 'unauthorized_client',
  consent_required: 'consent_required',
  invalid_tenant: 'tenant_not_found',
};

const DESCRIPTIONS: Record<GraphAuthErrorKind, string> = {
  invalid_client: 'the client secret or certificate was rejected',
  expired_secret: 'the client secret has expired',
  tenant_not_found: 'the tenant was not found',
  consent_required: 'admin consent for the app is missing in this tenant',
  unauthorized_client: 'the app registration was not found or is disabled in this tenant',
  other: 'token acquisition failed',
};

function aadstsCodeOf(error: AuthError): string | undefined {
  const errorNo = (error as AuthError & { errorNo?: unknown }).errorNo;
  if (errorNo !== undefined && errorNo !== null && String(errorNo) !== '') return String(errorNo);
  return (
    /AADSTS(\d+)/.exec(error.errorMessage ?? error.message)?.[1] ??
    /Error\(s\): (\d+)/.exec(error.errorMessage ?? '')?.[1]
  );
}

/** Any failure from MSAL becomes a GraphAuthError whose message names the kind and the AADSTS code, never a credential. */
export function graphAuthErrorFrom(error: unknown): GraphAuthError {
  if (error instanceof GraphAuthError) return error;
  if (!(error instanceof AuthError)) {
    return new GraphAuthError(`Token acquisition failed: ${safeErrorMessage(error, 300)}`, 'other', undefined, {
      status: 0,
    });
  }
  const code = aadstsCodeOf(error);
  const kind = (code && KIND_BY_AADSTS[code]) || KIND_BY_ERROR_CODE[error.errorCode] || 'other';
  const status = (error as AuthError & { status?: number }).status ?? 401;
  const message = `Token acquisition failed: ${DESCRIPTIONS[kind]} (${error.errorCode || 'unknown'}${code ? `, AADSTS${code}` : ''})`;
  return new GraphAuthError(message, kind, code ? `AADSTS${code}` : undefined, {
    status,
    graphCode: error.errorCode || undefined,
  });
}
