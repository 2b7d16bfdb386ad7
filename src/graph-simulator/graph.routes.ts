import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { randomUUID } from 'node:crypto';
import { runBatch } from './batch';
import type { GraphRequest, GraphResponse } from './graph-context';
import type { GraphPipeline } from './graph-dispatcher';
import { GraphError } from './graph-errors';
import type { Query } from './odata-query';

function toGraphRequest(req: Request, version: 'beta' | 'v1.0', path: string): GraphRequest {
  const query: Query = {};
  // Graph query options are case-sensitive keys like $top; take the raw query string so "+" and "$" survive.
  const raw = req.originalUrl.includes('?') ? req.originalUrl.slice(req.originalUrl.indexOf('?') + 1) : '';
  for (const [k, v] of new URLSearchParams(raw)) query[k] = v;
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k.toLowerCase()] = v;
  return {
    method: req.method.toUpperCase(),
    version,
    path,
    query,
    headers,
    body: req.body,
    baseUrl: `${req.protocol}://${req.get('host')}`,
  };
}

function send(res: Response, result: GraphResponse, clientRequestId: string): void {
  res.setHeader('request-id', result.headers['request-id'] ?? randomUUID());
  res.setHeader('client-request-id', clientRequestId);
  for (const [k, v] of Object.entries(result.headers)) if (k !== 'request-id') res.setHeader(k, v);
  if (result.body === undefined) {
    res.status(result.status).end();
    return;
  }
  res.status(result.status).json(result.body);
}

/** Graph under /beta and /v1.0: every call is authenticated, throttled, fault-injected and counted. */
export function graphRoutes(pipeline: GraphPipeline): Router {
  const router = express.Router();
  const json = express.json({ limit: '50mb', type: ['application/json', 'application/*+json'] });

  router.use(json, async (req: Request, res: Response, next: NextFunction) => {
    const m = /^\/(beta|v1\.0)\/(.*)$/.exec(req.path);
    if (!m) return next();
    const version = m[1] as 'beta' | 'v1.0';
    const path = decodeURIComponent(m[2]);
    const clientRequestId = req.get('client-request-id') ?? randomUUID();
    const graphReq = toGraphRequest(req, version, path);
    graphReq.headers['client-request-id'] = clientRequestId;
    let principal;
    try {
      principal = await pipeline.authenticate(req.get('authorization'));
    } catch (error) {
      const result = pipeline.errorResponse(error, graphReq);
      pipeline.recordUnauthenticated(result.status, req.method);
      send(res, result, clientRequestId);
      return;
    }
    if (path === '$batch') {
      if (req.method !== 'POST')
        return send(
          res,
          pipeline.errorResponse(new GraphError(405, 'BadRequest', 'No method match route template'), graphReq),
          clientRequestId,
        );
      let result: GraphResponse;
      try {
        result = await runBatch(pipeline, principal, graphReq);
      } catch (error) {
        result = pipeline.errorResponse(error, graphReq);
      }
      send(res, result, clientRequestId);
      return;
    }
    send(res, await pipeline.execute(graphReq, principal), clientRequestId);
  });

  // Body parser errors (malformed JSON) come out Graph-shaped too.
  router.use((error: unknown, req: Request, res: Response, next: NextFunction) => {
    if (!/^\/(beta|v1\.0)\//.test(req.path)) return next(error);
    const clientRequestId = req.get('client-request-id') ?? randomUUID();
    const fake = {
      method: req.method,
      version: 'beta',
      path: '',
      query: {},
      headers: { 'client-request-id': clientRequestId },
      body: undefined,
      baseUrl: '',
    } as GraphRequest;
    send(
      res,
      pipeline.errorResponse(
        new GraphError(
          400,
          'BadRequest',
          'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
        ),
        fake,
      ),
      clientRequestId,
    );
  });
  return router;
}
