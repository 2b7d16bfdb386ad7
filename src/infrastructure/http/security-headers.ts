import helmet from 'helmet';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import type { Environment } from '../config/environment';
import { consoleAuthorityOrigin } from '../console/console-settings';

/**
 * helmet's headers with a CSP the console lives with: its own scripts only, Mantine's inline styles, XHR/fetch to
 * this origin and its WebSocket (same host, ws or wss) plus the sign-in authority (metadata, token endpoint).
 */
export function securityHeaders(env: Environment): RequestHandler {
  const authority = consoleAuthorityOrigin(env);
  const sameHostSockets = (req: IncomingMessage): string => {
    const host = req.headers.host;
    return host && /^[A-Za-z0-9.:[\]-]+$/.test(host) ? `ws://${host} wss://${host}` : "'self'";
  };
  return helmet({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", sameHostSockets, ...(authority ? [authority] : [])],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        // Plain http on a laptop (demo, tests) must keep working; production sits behind TLS.
        upgradeInsecureRequests: env.NODE_ENV === 'production' ? [] : null,
      },
    },
  }) as RequestHandler;
}
