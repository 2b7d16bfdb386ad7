import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { deriveCapabilities, GraphClientFactory, type TenantCapabilities } from '../../../infrastructure/graph';
import {
  OperationRunOutcome,
  RunHandler,
  type OperationRunHandler,
  type RunAttemptContext,
  type RunHandlerResult,
} from '../../../infrastructure/runs';
import { TenantEntity } from '../domain/tenant.entity';
import type { TenantVerification } from '../domain/tenant-verification';
import type { TenantVerifyResult } from './tenants.run-types';
import { TenantsFacade } from './tenants.facade';
import { consentMissing, verifyFindingFor, type VerifyFinding } from './verify-outcome';

/**
 * `tenant.verify`: a token through the Graph layer (its `roles` are the granted application permissions), a read of
 * /organization, then capabilities derived from the roles by the pure `deriveCapabilities`. The outcome lands on the
 * run (failure code + message) and on the tenant (`verification`), never with the credential.
 */
const CREDENTIAL_REPLACED: VerifyFinding = {
  code: 'credential_replaced',
  message: 'The credential was replaced while this verify ran; its findings were not stored. Verify again.',
};

@RunHandler({
  type: 'tenant.verify',
  title: 'Verify tenant connection',
  requiresTenant: true,
  dedupe: 'tenant',
  lock: 'tenant+type',
  timeoutMs: 120000,
})
export class VerifyTenantHandler implements OperationRunHandler<'tenant.verify'> {
  constructor(
    private readonly facade: TenantsFacade,
    private readonly graph: GraphClientFactory,
    @InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>,
  ) {}

  async execute(run: RunAttemptContext<'tenant.verify'>): Promise<RunHandlerResult<TenantVerifyResult>> {
    // The tenant row (with its credential version) is read before the connection, so a credential replaced in
    // between makes the final conditional save miss rather than store findings about the old credential.
    const tenantId = run.tenantId as string;
    const tenant = await this.tenants.findOneByOrFail({ id: tenantId });
    const connection = await this.facade.connectionFor(tenantId);
    if (!connection)
      return this.fail(
        run,
        tenant,
        { code: 'tenant_unavailable', message: 'The tenant is archived: it is not verified any more.' },
        false,
      );
    run.reportProgress({ total: 2, processed: 0 });
    try {
      const { roles } = await this.graph.acquireAppToken(connection);
      run.reportProgress({ total: 2, processed: 1, succeeded: 1 });
      if (roles.length === 0) return this.fail(run, tenant, consentMissing(), true);
      run.throwIfCancelled();
      const org = await this.graph
        .forConnection(connection, { signal: run.signal })
        .request<{ value?: Array<{ displayName?: string }> }>('GET', '/organization', {
          query: { select: ['id', 'displayName'] },
        });
      const organizationName = org.value?.[0]?.displayName ?? null;
      const capabilities = deriveCapabilities(roles);
      const grantedPermissions = [...roles].sort();
      const saved = await this.save(tenant, grantedPermissions, capabilities, {
        status: 'succeeded',
        code: 'ok',
        message: 'Connection verified',
        runId: run.runId,
        at: new Date().toISOString(),
        organizationName,
      });
      if (!saved) return this.fail(run, tenant, CREDENTIAL_REPLACED, false);
      const types = Object.values(capabilities.types);
      return {
        outcome: OperationRunOutcome.Succeeded,
        summary: { total: 2, processed: 2, succeeded: 2, failed: 0, skipped: 0 },
        result: {
          organizationName,
          grantedPermissions,
          readableTypes: types.filter((t) => t.canRead).length,
          writableTypes: types.filter((t) => t.canWrite).length,
          canReadGroups: capabilities.canReadGroups,
          canSearchGroups: capabilities.canSearchGroups,
        },
      };
    } catch (error) {
      if (run.signal.aborted) throw error; // cancellation/timeout: the wrapper completes the run accordingly
      return this.fail(run, tenant, verifyFindingFor(error, tenant.entraTenantId), true);
    }
  }

  /** A failed check means the connection can do nothing right now: the stored capabilities say so. */
  private async fail(
    run: RunAttemptContext<'tenant.verify'>,
    tenant: TenantEntity,
    finding: VerifyFinding,
    record: boolean,
  ): Promise<RunHandlerResult<TenantVerifyResult>> {
    run.addFailure({ item: tenant.entraTenantId, code: finding.code, error: new Error(finding.message) });
    if (record)
      await this.save(tenant, [], deriveCapabilities([]), {
        status: 'failed',
        code: finding.code,
        message: finding.message,
        runId: run.runId,
        at: new Date().toISOString(),
      });
    return {
      outcome: OperationRunOutcome.Failed,
      summary: { total: 2, processed: 2, succeeded: 0, failed: 1, skipped: 0 },
      result: { code: finding.code, message: finding.message },
    };
  }

  /** Stores the findings only if the credential they were made with is still the tenant's current one. */
  private async save(
    tenant: TenantEntity,
    grantedPermissions: string[],
    capabilities: TenantCapabilities,
    verification: TenantVerification,
  ): Promise<boolean> {
    const { affected } = await this.tenants.update(
      { id: tenant.id, credentialVersion: tenant.credentialVersion },
      { grantedPermissions, capabilities, verification },
    );
    return (affected ?? 0) > 0;
  }
}
