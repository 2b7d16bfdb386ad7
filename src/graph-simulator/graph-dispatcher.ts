import { randomUUID } from 'node:crypto';
import { errors as joseErrors, type JWTPayload } from 'jose';
import { handleGroups, handleOrganization } from './directory.handlers';
import type { FaultRegistry } from './faults';
import { badRequest, GraphError, graphErrorBody } from './graph-errors';
import {
  isWriteMethod,
  type GraphRequest,
  type GraphResponse,
  type HandlerContext,
  type Principal,
} from './graph-context';
import { handleIntune } from './intune.handlers';
import { handlePolicyTemplates } from './policy-templates.handlers';
import { handleSettingDefinitions } from './setting-definitions.handlers';
import type { SimDirectory } from './simulator-state';
import type { StatsRegistry } from './stats';
import { formatRetryAfter, type SlidingWindowThrottle } from './throttle';
import type { SimKeys } from './tokens';

export interface PipelineDeps {
  directory: SimDirectory;
  keys: SimKeys;
  throttle: SlidingWindowThrottle;
  faults: FaultRegistry;
  stats: StatsRegistry;
  pageSize: () => number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Splits `configurationPolicies('id')` key syntax into two segments, as Graph accepts both forms. */
export function splitPath(path: string): string[] {
  return path
    .split('/')
    .filter(Boolean)
    .flatMap((seg) => {
      const m = /^([^()]+)\('([^']*)'\)$/.exec(seg) ?? /^([^()]+)\(([^()']+)\)$/.exec(seg);
      return m ? [m[1], m[2]] : [seg];
    });
}

/**
 * The Graph pipeline every request goes through (also each inner `$batch` request):
 * authenticate → latency → throttle (per app per tenant) → injected 503 → route (permission check inside).
 */
export class GraphPipeline {
  constructor(private readonly deps: PipelineDeps) {}

  async authenticate(authorization: string | undefined): Promise<Principal> {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? '')?.[1];
    if (!token) throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
    let claims: JWTPayload;
    try {
      claims = await this.deps.keys.verifyGraphToken(token);
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired)
        throw new GraphError(401, 'InvalidAuthenticationToken', 'Lifetime validation failed, the token is expired.');
      if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'aud')
        throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid audience.');
      throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure.');
    }
    const tenant = typeof claims.tid === 'string' ? this.deps.directory.find(claims.tid) : undefined;
    if (!tenant)
      throw new GraphError(401, 'InvalidAuthenticationToken', 'Access token validation failure. Invalid tenant.');
    const kind =
      claims.idtyp === 'app' || (Array.isArray(claims.roles) && claims.scp === undefined) ? 'app' : 'delegated';
    const raw =
      kind === 'app'
        ? ((claims.roles as string[] | undefined) ?? [])
        : String(claims.scp ?? '')
            .split(' ')
            .filter(Boolean);
    const withheld = this.deps.faults.missingPermissions(tenant.tenantId);
    const granted = new Set(raw.filter((p) => !withheld.has(p)));
    return { tenant, kind, appId: String(claims.appid ?? claims.azp ?? ''), granted };
  }

  /** Runs one authenticated request; never throws (errors become Graph-shaped responses). */
  async execute(req: GraphRequest, principal: Principal): Promise<GraphResponse> {
    const write = isWriteMethod(req.method);
    const tid = principal.tenant.tenantId;
    let response: GraphResponse;
    try {
      const latency = this.deps.faults.latencyMs(tid);
      if (latency > 0) await sleep(latency);
      const decision = this.deps.throttle.admit(`${tid}|${principal.appId}`, write);
      if (!decision.admitted) {
        const headers: Record<string, string> = {};
        if (this.deps.throttle.sendsRetryAfter()) headers['Retry-After'] = formatRetryAfter(decision.retryAfterMs);
        throw new GraphError(429, 'TooManyRequests', 'Please retry again later.', headers);
      }
      const fault = this.deps.faults.take503(tid);
      if (fault)
        throw new GraphError(
          503,
          'ServiceUnavailable',
          'The service is temporarily unavailable. Please retry after a delay.',
          { 'Retry-After': String(fault.retryAfterSec) },
        );
      if (write && this.deps.faults.takeWriteFault(tid))
        throw new GraphError(500, 'InternalServerError', 'An internal server error occurred. (injected write fault)');
      if (this.deps.faults.failsPath(tid, req.path))
        throw new GraphError(500, 'InternalServerError', 'An internal server error occurred.');
      response = this.route({ req, principal, tenant: principal.tenant, pageSize: this.deps.pageSize() });
    } catch (error) {
      response = this.errorResponse(error, req);
    }
    this.deps.stats.record(tid, write, response.status);
    return response;
  }

  /** Authentication failure or unexpected error → Graph-shaped response (counted without tenant). */
  errorResponse(error: unknown, req: GraphRequest): GraphResponse {
    const e =
      error instanceof GraphError
        ? error
        : new GraphError(500, 'InternalServerError', error instanceof Error ? error.message : 'Unexpected error');
    const requestId = randomUUID();
    return {
      status: e.status,
      headers: { ...e.headers, 'request-id': requestId },
      body: graphErrorBody(e.code, e.message, requestId, req.headers['client-request-id'], e.status),
    };
  }

  recordUnauthenticated(status: number, method: string): void {
    this.deps.stats.record(null, isWriteMethod(method), status);
  }

  private route(ctx: HandlerContext): GraphResponse {
    const segments = splitPath(ctx.req.path);
    const [root, ...rest] = segments;
    switch (root) {
      case 'deviceManagement':
        if (rest[0] === 'configurationSettings') return handleSettingDefinitions(ctx, rest.slice(1));
        if (rest[0] === 'configurationPolicyTemplates') return handlePolicyTemplates(ctx, rest.slice(1));
        return handleIntune(ctx, root, rest);
      case 'deviceAppManagement':
        return handleIntune(ctx, root, rest);
      case 'groups':
        return handleGroups(ctx, rest);
      case 'organization':
        return handleOrganization(ctx, rest);
      default:
        throw badRequest(`Resource not found for the segment '${root ?? ''}'.`);
    }
  }
}
