import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OperationRun } from '../domain/operation-run.entity';
import { type OperationRunOutcome, OperationRunStatus } from '../../../infrastructure/runs';
import { decodeRunCursor } from './run-cursor';
import { queryRuns } from './sql-rows';

export interface OperationRunFilter {
  tenantId?: string | null;
  type?: string | null;
  status?: OperationRunStatus | null;
  outcome?: OperationRunOutcome | null;
  initiatorUserId?: string | null;
  createdAfter?: Date | null;
  createdBefore?: Date | null;
}

/** Which runs the caller may see: tenant ids (or all), and whether workspace-wide (tenant-less) runs are included. */
export interface RunVisibility {
  tenantIds: string[] | 'all';
  workspaceRuns: boolean;
}

/** Monitoring reads (invariant 7): PostgreSQL only, keyset pagination on (created_at DESC, id DESC). */
@Injectable()
export class OperationRunQueries {
  constructor(private readonly db: DataSource) {}

  async page(
    filter: OperationRunFilter,
    visibility: RunVisibility,
    first: number,
    after?: string | null,
  ): Promise<{ runs: OperationRun[]; hasNextPage: boolean }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (p: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (visibility.tenantIds !== 'all') {
      params.push(visibility.tenantIds);
      where.push(
        visibility.workspaceRuns
          ? `(tenant_id = ANY($${params.length}) OR tenant_id IS NULL)`
          : `tenant_id = ANY($${params.length})`,
      );
    } else if (!visibility.workspaceRuns) {
      where.push('tenant_id IS NOT NULL');
    }
    if (filter.tenantId) add((p) => `tenant_id = ${p}`, filter.tenantId);
    if (filter.type) add((p) => `type = ${p}`, filter.type);
    if (filter.status) add((p) => `status = ${p}`, filter.status);
    // Lets queued/running lists use the partial index over unfinished runs (see migration OperationRunsOpenIndexes).
    if (filter.status && filter.status !== OperationRunStatus.Completed) where.push('finished_at IS NULL');
    if (filter.outcome) add((p) => `outcome = ${p}`, filter.outcome);
    if (filter.initiatorUserId) add((p) => `initiator_user_id = ${p}`, filter.initiatorUserId);
    if (filter.createdAfter) add((p) => `created_at > ${p}`, filter.createdAfter);
    if (filter.createdBefore) add((p) => `created_at < ${p}`, filter.createdBefore);
    if (after) {
      const cursor = decodeRunCursor(after);
      params.push(cursor.createdAt, cursor.id);
      where.push(`(created_at, id) < ($${params.length - 1}, $${params.length})`);
    }
    params.push(first + 1);
    const runs = await queryRuns(
      this.db,
      `SELECT * FROM operation_runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return { runs: runs.slice(0, first), hasNextPage: runs.length > first };
  }
}
