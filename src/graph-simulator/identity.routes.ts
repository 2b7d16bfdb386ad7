import express, { type Request, type Response, type Router } from 'express';
import { randomUUID } from 'node:crypto';
import {
  EntraError,
  entraErrorBody,
  handleTokenRequest,
  tenantNotFound,
  type TokenEndpointDeps,
} from './token-endpoint';

/** login.microsoftonline.com paths: token endpoint, OpenID metadata and JWKS. */
export function identityRoutes(deps: TokenEndpointDeps, baseUrl: () => string): Router {
  const router = express.Router();
  const form = express.urlencoded({ extended: false, limit: '1mb' });

  router.post('/:tid/oauth2/v2.0/token', form, async (req: Request, res: Response) => {
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

  router.get('/:tid/v2.0/.well-known/openid-configuration', (req: Request, res: Response) => {
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
  router.get('/:tid/discovery/v2.0/keys', keys);
  router.get('/:tid/discovery/keys', keys);
  return router;
}
