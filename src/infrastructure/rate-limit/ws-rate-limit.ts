import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { WebSocket } from 'ws';
import { AppConfig } from '../config/app-config';
import { parseTrustProxy, trustProxyFn } from '../config/trust-proxy';
import { clientAddressKey } from './client-address';
import { type RateDecision, RateLimits } from './rate-limits';
import { rateLimitedError } from './rate-limited';

type UpgradeListener = (req: IncomingMessage, socket: Duplex, head: Buffer) => void;

/** graphql-ws close code for "too many messages": clients do not reconnect on their own after it. */
export const WS_TOO_MANY_MESSAGES = 4429;

/**
 * WebSocket limits: connection attempts per client address (checked before the upgrade, a refused one gets a plain
 * HTTP 429), messages per connection (over the limit the socket is closed with 4429), and every operation a socket
 * subscribes counts against its user's limit, like an HTTP request.
 */
@Injectable()
export class WsRateLimit implements OnApplicationBootstrap {
  private readonly trust: (address: string, hop: number) => boolean;
  private readonly messages: RateLimiterMemory;
  private nextSocketId = 0;

  constructor(
    private readonly limits: RateLimits,
    private readonly adapterHost: HttpAdapterHost,
    { env }: AppConfig,
  ) {
    this.trust = trustProxyFn(parseTrustProxy(env.TRUST_PROXY));
    this.messages = new RateLimiterMemory({
      points: env.RATE_LIMIT_WS_MESSAGES,
      duration: env.RATE_LIMIT_WINDOW_SECONDS,
    });
    if (!env.RATE_LIMIT_ENABLED) this.watch = () => undefined;
  }

  /** Puts the connection check in front of the upgrade handlers GraphQL registered (they run after all module inits). */
  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    const upgrades = (server?.listeners('upgrade') ?? []) as UpgradeListener[];
    if (!server || upgrades.length === 0) return;
    server.removeAllListeners('upgrade');
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy()); // a client gone mid-refusal is not our error
      void this.limits.take('wsConnect', clientAddressKey(req, this.trust)).then((decision) => {
        if (!decision.limited) return upgrades.forEach((listener) => listener.call(server, req, socket, head));
        const body = JSON.stringify({ statusCode: 429, message: rateLimitedError(decision).message });
        socket.end(
          `HTTP/1.1 429 Too Many Requests\r\nRetry-After: ${decision.retryAfterSeconds}\r\n` +
            `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      });
    });
  }

  /** Counts the messages of an accepted connection; closes it with 4429 once it sends too many in a window. */
  watch(socket: WebSocket): void {
    const id = this.nextSocketId++;
    socket.on('message', () => {
      this.messages.consume(String(id)).catch(() => {
        if (socket.readyState === socket.OPEN) socket.close(WS_TOO_MANY_MESSAGES, 'Too many messages');
      });
    });
  }

  /** An operation subscribed over a socket counts against its user's limit. */
  takeOperation(userId: string): Promise<RateDecision> {
    return this.limits.take('user', userId);
  }
}
