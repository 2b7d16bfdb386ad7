import type { CombinedError } from 'urql';

/** The API's own message, as it says it (no "[GraphQL]" prefix); a network failure says so in plain words. */
export function apiErrorMessage(error: CombinedError | Error | null | undefined): string | null {
  if (!error) return null;
  const combined = error as Partial<CombinedError>;
  if (combined.graphQLErrors?.length) return combined.graphQLErrors.map((e) => e.message).join('\n');
  if (combined.networkError) return `The API could not be reached: ${combined.networkError.message}`;
  return error.message;
}
