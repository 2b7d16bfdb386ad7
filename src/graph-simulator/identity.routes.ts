import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { randomUUID } from 'node:crypto';
import { authorizeRoutes } from './authorize.routes';
import {
  EntraError,
  entraErrorBody,
  handleTokenRequest,
  tenantNotFound,
  type TokenEndpointDeps,
} from './token-endpoint';

/** login.microsoftonline.com paths: authorize (login form), token endpoint, OpenID metadata, JWKS, logout. */
export function identityRoutes(deps: TokenEndpointDeps, baseUrl: () => string): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '1mb' });

  // A single-page app calls metadata, keys and the token endpoint from its own origin: answer those origins only.
  const cors = (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.get('origin');
    if (origin && deps.spaClients.allowsOrigin(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
      res.setHeader('access-control-allow-headers', 'content-type, client-request-id');
      res.setHeader('access-control-max-age', '86400');
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
  router.options(
    ['/:tid/oauth2/v2.0/token', '/:tid/v2.0/.well-known/openid-configuration', '/:tid/discovery/v2.0/keys'],
    cors,
  );
  router.use(authorizeRoutes(deps));

  router.post('/:tid/oauth2/v2.0/token', cors, form, async (req: Request, res: Response) => {
    // MSAL sends client-request-id as a query parameter; Entra reports it back as the correlation id.
    const correlationId = String(req.query['client-request-id'] ?? req.get('client-request-id') ?? randomUUID());
    res.setHeader('cache-control', 'no-store, no-cache');
    res.setHeader('client-request-id', correlationId);
    const body = (req.body ?? {}) as Record<string, string | undefined>;
    try {
      const result = await handleTokenRequest(deps, String(req.params.tid), body);
      res.status(result.status).json(result.body);
    } catch (error) {
      if (error instanceof EntraError) {
        res.status(error.status).json(entraErrorBody(error, correlationId));
        return;
      }
      res
        .status(500)
        .json(entraErrorBody(new EntraError(500, 'server_error', 90000, 'Unexpected simulator error.'), correlationId));
    }
  });

  router.get('/:tid/v2.0/.well-known/openid-configuration', cors, (req: Request, res: Response) => {
    const ref = String(req.params.tid);
    const generic = ['common', 'organizations', 'consumers'].includes(ref.toLowerCase());
    const tenant = deps.directory.find(ref);
    if (!tenant && !generic) {
      res.status(400).json(entraErrorBody(tenantNotFound(ref), randomUUID()));
      return;
    }
    const tid = tenant?.tenantId ?? ref;
    const base = baseUrl();
    res.json({
      // Entra publishes the literal "{tenantid}" placeholder for multi-tenant authorities.
      issuer: `https://login.microsoftonline.com/${tenant ? tenant.tenantId : '{tenantid}'}/v2.0`,
      token_endpoint: `${base}/${tid}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/${tid}/oauth2/v2.0/authorize`,
      jwks_uri: `${base}/${tid}/discovery/v2.0/keys`,
      end_session_endpoint: `${base}/${tid}/oauth2/v2.0/logout`,
      code_challenge_methods_supported: ['S256'],
      grant_types_supported: [
        'authorization_code',
        'refresh_token',
        'client_credentials',
        'password',
        'urn:ietf:params:oauth:grant-type:jwt-bearer',
      ],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      response_modes_supported: ['query', 'fragment', 'form_post'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'oid', 'tid', 'preferred_username', 'ver'],
      tenant_region_scope: 'EU',
      cloud_instance_name: 'microsoftonline.com',
      cloud_graph_host_name: 'graph.windows.net',
      msgraph_host: 'graph.microsoft.com',
    });
  });

  const keys = (_req: Request, res: Response): void => {
    res.json(deps.keys.jwks());
  };
  router.get('/:tid/discovery/v2.0/keys', cors, keys);
  router.get('/:tid/discovery/keys', keys);
  return router;
}
