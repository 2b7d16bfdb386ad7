import type { NextFunction, Request, Response } from 'express';
import { graphqlDuration, httpRequests } from './metrics';

/** Three path classes, so a scan of random URLs cannot grow the label set. */
function pathClass(path: string): 'graphql' | 'health' | 'other' {
  if (path === '/graphql') return 'graphql';
  return path.startsWith('/health') ? 'health' : 'other';
}

/** Counts every HTTP request when its response is sent (refused ones included: 429s are traffic too). */
export function httpMetrics(req: Request, res: Response, next: NextFunction): void {
  const started = process.hrtime.bigint();
  const path = pathClass(req.path); // now: mounted routers (Apollo) rewrite req.url before the response ends
  res.once('finish', () => {
    const status = String(res.statusCode);
    httpRequests.inc({ method: req.method, path, status });
    if (path === 'graphql') graphqlDuration.observe({ status }, Number(process.hrtime.bigint() - started) / 1e9);
  });
  next();
}
