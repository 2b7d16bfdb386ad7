import type { ApolloServerPlugin } from '@apollo/server';
import { UNAVAILABLE_RETRY_AFTER_SECONDS } from '../../shared/dependency-unavailable';

/**
 * The HTTP status of an executed operation: 200 with `{ data, errors }` as a rule (what Nest's own plugin did; it is
 * switched off with `preserveHttpStatusForExecutionErrors: false` because it ran after this one and reset any status),
 * but 503 + Retry-After when an error is SERVICE_UNAVAILABLE (PostgreSQL or Redis unreachable), so load balancers,
 * proxies and clients treat an outage as the retryable condition it is, never as a 200 with an INTERNAL error.
 * Request-level failures (parse, validation, limits: no `data` key) keep their 400.
 */
export const serviceUnavailablePlugin: ApolloServerPlugin = {
  requestDidStart: async () => ({
    willSendResponse: async ({ response }) => {
      if (response.body.kind !== 'single') return;
      const result = response.body.singleResult;
      if ((result.errors ?? []).some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) {
        response.http.status = 503;
        response.http.headers.set('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
      } else if ('data' in result) {
        response.http.status = 200;
      }
    },
  }),
};
