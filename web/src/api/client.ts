import { authExchange } from '@urql/exchange-auth';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { cacheExchange, Client, fetchExchange, subscriptionExchange } from 'urql';
import type { Session } from '../auth/session';

export interface ApiClients {
  client: Client;
  ws: WsClient;
  /** Called after a lost WebSocket is back: live views re-read the current state (they may have missed messages). */
  onReconnected(listener: () => void): () => void;
}

const isAuthError = (error: { response?: { status?: number }; graphQLErrors: { extensions?: { code?: unknown } }[] }) =>
  error.response?.status === 401 || error.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');

/**
 * urql for queries and mutations (POST: Apollo's CSRF prevention refuses simple GETs) and graphql-ws for
 * subscriptions. Both carry the session's access token; a 401 renews it once, then the session ends.
 */
export function createApiClients(session: Session, graphqlPath: string): ApiClients {
  const reconnected = new Set<() => void>();
  const wsUrl = new URL(graphqlPath, window.location.href);
  wsUrl.protocol = wsUrl.protocol === 'https:' ? 'wss:' : 'ws:';
  const ws = createWsClient({
    url: wsUrl.toString(),
    lazy: true,
    lazyCloseTimeout: 3_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    connectionParams: async () => {
      const token = await session.accessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) reconnected.forEach((listener) => listener());
      },
    },
  });

  const client = new Client({
    url: graphqlPath,
    preferGetMethod: false,
    requestPolicy: 'cache-and-network',
    exchanges: [
      cacheExchange,
      authExchange(async (utils) => {
        let token = await session.accessToken();
        return {
          addAuthToOperation: (operation) =>
            token ? utils.appendHeaders(operation, { authorization: `Bearer ${token}` }) : operation,
          willAuthError: () => !token,
          didAuthError: (error) => isAuthError(error),
          async refreshAuth() {
            // A token renewed in the background may already be there; otherwise redeem the refresh token.
            const stored = await session.user();
            token =
              stored && stored.access_token !== token
                ? stored.access_token
                : ((await session.renew())?.access_token ?? null);
          },
        };
      }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({ unsubscribe: ws.subscribe({ ...request, query: request.query ?? '' }, sink) }),
        }),
      }),
    ],
  });
  return {
    client,
    ws,
    onReconnected(listener) {
      reconnected.add(listener);
      return () => reconnected.delete(listener);
    },
  };
}
