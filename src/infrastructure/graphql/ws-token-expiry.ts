import { CloseCode } from 'graphql-ws';
import type { WebSocket } from 'ws';

/** setTimeout's ceiling (about 24.8 days); an access token never lives that long, but a forged config might. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Closes a socket when the token it was opened with expires (plus the tolerated clock skew): deliveries never
 * outlive the token. 4403 (Forbidden), as for a bad token at connection_init: graphql-ws clients retry it, and one
 * whose connectionParams is a function re-authenticates with a fresh token; a static token is refused again.
 */
export function closeAtTokenExpiry(socket: WebSocket, expiresAtMs: number | undefined, skewSec: number): void {
  if (expiresAtMs === undefined || !Number.isFinite(expiresAtMs)) return;
  const close = () => socket.close(CloseCode.Forbidden, 'Token expired');
  const delay = expiresAtMs + skewSec * 1000 - Date.now();
  if (delay <= 0) return close();
  const timer = setTimeout(close, Math.min(delay, MAX_TIMER_MS));
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}
