import { Injectable } from '@nestjs/common';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { OperationRunService } from '../../operation-runs';
import { assertActive } from './lock-tenant';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { TenantEntity } from '../domain/tenant.entity';

/** Starts (or joins: deduplicated per tenant) a `tenant.verify` run. Writes the run and enqueues; no Graph call here. */
@Injectable()
export class StartTenantVerifyUseCase {
  constructor(
    @InjectRepository(TenantEntity) private readonly tenants: Repository<TenantEntity>,
    private readonly runs: OperationRunService,
  ) {}

  async execute(user: AuthenticatedUser, tenantId: string) {
    assertActive(await this.tenants.findOneByOrFail({ id: tenantId }));
    const { run } = await this.runs.start('tenant.verify', { tenantId, initiatorUserId: user.id, context: {} });
    return run;
  }
}
