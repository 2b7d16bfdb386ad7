import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { join } from 'node:path';

/** Paths that belong to the API: never answered with the console's index.html. */
const API_PATHS = /^\/(graphql|health|api|metrics)(\/|$)|^\/console-config\.json$/;

/**
 * Serves the built console: hashed files under /assets cached for a year, everything else revalidated, and
 * index.html for any other GET a browser navigates to (deep links such as /operations/<id>; the SPA routes them).
 */
export function consoleStatic(dir: string): RequestHandler[] {
  const files = express.static(dir, {
    index: false,
    fallthrough: true,
    setHeaders: (res, path) => {
      res.setHeader(
        'cache-control',
        path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const index = join(dir, 'index.html');
  const spaFallback = (req: Request, res: Response, next: NextFunction): void => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      API_PATHS.test(req.path) ||
      req.path.startsWith('/assets/')
    ) {
      next();
      return;
    }
    if (!req.accepts('html')) {
      next();
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  };
  return [(req, res, next) => (API_PATHS.test(req.path) ? next() : files(req, res, next)), spaFallback];
}
