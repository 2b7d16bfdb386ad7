import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { OperationRunsFacade } from '../../operation-runs';
import { TenantsFacade } from './tenants.facade';

/** Starts (or joins: deduplicated per tenant) a `tenant.verify` run. Writes the run and enqueues; no Graph call here. */
@Injectable()
export class StartTenantVerifyUseCase {
  constructor(
    private readonly tenants: TenantsFacade,
    private readonly runs: OperationRunsFacade,
  ) {}

  async execute(user: AuthenticatedUser, tenantId: string) {
    await this.tenants.requireActive(tenantId);
    const { run } = await this.runs.start('tenant.verify', { tenantId, initiatorUserId: user.id, context: {} });
    return run;
  }
}
