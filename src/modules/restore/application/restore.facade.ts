import { Injectable } from '@nestjs/common';
import { RestorePlanQueries } from './restore-plan.queries';

/** A restore plan as other modules see it. */
export interface RestorePlanView {
  id: string;
  sourceTenantId: string;
  targetTenantId: string;
  backupId: string;
  status: string;
  counts: Record<string, number>;
  executeRunId: string | null;
}

/** The restore module's read surface for others (database only). */
@Injectable()
export class RestoreFacade {
  constructor(private readonly queries: RestorePlanQueries) {}

  async findPlan(planId: string): Promise<RestorePlanView | null> {
    const p = await this.queries.plan(planId);
    return p
      ? {
          id: p.id,
          sourceTenantId: p.sourceTenantId,
          targetTenantId: p.targetTenantId,
          backupId: p.backupId,
          status: p.status,
          counts: p.counts,
          executeRunId: p.executeRunId,
        }
      : null;
  }
}
