import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { decodeCursor } from '../../../infrastructure/graphql/pagination';
import { isUuid } from '../../../shared/uuid';
import { RestoreLedgerEntry } from '../domain/restore-ledger-entry.entity';
import { RestoreMapping } from '../domain/restore-mapping.entity';
import { RestorePlanItem } from '../domain/restore-plan-item.entity';
import { RestorePlan } from '../domain/restore-plan.entity';
import { RestoreResult } from '../domain/restore-result.entity';

/** Database-only reads of plans, results and the ledger (keyset pagination, newest first). */
@Injectable()
export class RestorePlanQueries {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  plan(id: string): Promise<RestorePlan | null> {
    return isUuid(id) ? this.db.getRepository(RestorePlan).findOneBy({ id }) : Promise.resolve(null);
  }

  planForRun(runId: string): Promise<RestorePlan | null> {
    if (!isUuid(runId)) return Promise.resolve(null);
    return this.db
      .getRepository(RestorePlan)
      .createQueryBuilder('p')
      .where('p.execute_run_id = :runId OR p.preview_run_id = :runId', { runId })
      .getOne();
  }

  items(planId: string): Promise<RestorePlanItem[]> {
    return this.db.getRepository(RestorePlanItem).find({ where: { planId }, order: { seq: 'ASC' } });
  }

  mappings(planId: string): Promise<RestoreMapping[]> {
    return this.db.getRepository(RestoreMapping).find({ where: { planId }, order: { kind: 'ASC', sourceId: 'ASC' } });
  }

  async results(runId: string): Promise<Array<RestoreResult & { item: RestorePlanItem | null }>> {
    const rows = await this.db.getRepository(RestoreResult).find({ where: { runId }, order: { seq: 'ASC' } });
    if (rows.length === 0) return [];
    const items = await this.items(rows[0].planId);
    const byId = new Map(items.map((i) => [i.id, i]));
    return rows.map((r) => Object.assign(r, { item: byId.get(r.planItemId) ?? null }));
  }

  /** Plans whose source or target is this tenant; the caller filters to plans it may see on both sides. */
  /** Up to `first + 1` rows (the extra one says there is a next page). */
  async plans(tenantId: string, first: number, after?: string | null): Promise<RestorePlan[]> {
    const q = this.db
      .getRepository(RestorePlan)
      .createQueryBuilder('p')
      .where('(p.target_tenant_id = :tenantId OR p.source_tenant_id = :tenantId)', { tenantId });
    if (after) {
      const [at, id] = decodeCursor(after, ['timestamp', 'uuid']);
      q.andWhere(`(date_trunc('milliseconds', p.created_at), p.id) < (:at, :id)`, { at: new Date(at), id });
    }
    return q
      .orderBy(`date_trunc('milliseconds', p.created_at)`, 'DESC')
      .addOrderBy('p.id', 'DESC')
      .limit(first + 1)
      .getMany();
  }

  async ledger(targetTenantId: string, first: number, after?: string | null): Promise<RestoreLedgerEntry[]> {
    const q = this.db
      .getRepository(RestoreLedgerEntry)
      .createQueryBuilder('l')
      .where('l.target_tenant_id = :targetTenantId', { targetTenantId });
    if (after) {
      const [at, id] = decodeCursor(after, ['timestamp', 'uuid']);
      q.andWhere(`(date_trunc('milliseconds', l.at), l.id) < (:at, :id)`, { at: new Date(at), id });
    }
    return q
      .orderBy(`date_trunc('milliseconds', l.at)`, 'DESC')
      .addOrderBy('l.id', 'DESC')
      .limit(first + 1)
      .getMany();
  }
}
