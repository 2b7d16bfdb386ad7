import { GraphError, GraphPermissionError } from '../../../infrastructure/graph';
import { consentMissingFailure, runFailureOf, type RunFailureCode } from '../../../infrastructure/runs';
import { plainErrorMessage } from '../../../shared/redact';

export interface VerifyFinding {
  code: RunFailureCode;
  message: string;
}

/**
 * One clear sentence per way a connection fails, with what to do about it (the run-failure catalogue's words, so a
 * sync meeting the same failure says the same). Never includes the credential.
 */
export function verifyFindingFor(error: unknown, entraTenantId: string): VerifyFinding {
  if (error instanceof GraphPermissionError) return consentMissing(error.graphCode ? ` (${error.graphCode})` : '');
  const failure = runFailureOf(error, { entraTenantId });
  if (failure.code === 'graph_error')
    return { ...failure, message: `Microsoft Graph refused the check: ${failure.message}` };
  if (!(error instanceof GraphError) && failure.code === 'unexpected_error')
    return { ...failure, message: `Verification failed: ${plainErrorMessage(error, 300)}` };
  return failure;
}

export function consentMissing(detail = ''): VerifyFinding {
  return consentMissingFailure(detail);
}
