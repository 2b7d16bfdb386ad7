import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; [key: string]: unknown } }>;
}

/** POSTs one operation over HTTP, as the admin UI does. */
export async function gql<T = Record<string, any>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphqlResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: T; errors?: GraphqlResponse['errors'] } = {};
  try {
    body = JSON.parse(text);
  } catch {
    body = { errors: [{ message: text }] };
  }
  return { status: response.status, data: body.data, errors: body.errors };
}

/** The error codes of a response, for assertions that read as rules. */
export function errorCodes(response: GraphqlResponse): string[] {
  return (response.errors ?? []).map((e) => String(e.extensions?.code));
}

/** A graphql-ws client that authenticates in connection_init, as live views do. */
export function wsClient(
  baseUrl: string,
  token?: string,
  onClose?: (event: { code: number; reason: string }) => void,
): Client {
  return createClient({
    url: `${baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => onClose?.(event as { code: number; reason: string }) },
  });
}

/** Collects the first `count` events of a subscription (or rejects with the error/close). */
export function collect<T>(
  client: Client,
  query: string,
  variables: Record<string, unknown>,
  count: number,
  timeoutMs = 15000,
): { done: Promise<T[]>; events: T[]; stop: () => void } {
  const events: T[] = [];
  let stop = () => {};
  const done = new Promise<T[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${events.length}/${count} events`)), timeoutMs);
    stop = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors) {
            clearTimeout(timer);
            reject(Object.assign(new Error(value.errors[0].message), { errors: value.errors }));
            return;
          }
          events.push(value.data as T);
          if (events.length >= count) {
            clearTimeout(timer);
            resolve(events);
          }
        },
        error: (error) => {
          clearTimeout(timer);
          reject(error);
        },
        complete: () => {
          clearTimeout(timer);
          resolve(events);
        },
      },
    );
  });
  return { done, events, stop: () => stop() };
}
