import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository } from 'typeorm';
import { decodeCursor, toConnection, type ConnectionShape } from '../../../infrastructure/graphql/pagination';
import { InventoryItem } from '../domain/inventory-item.entity';
import { InventoryTypeState } from '../domain/inventory-type-state.entity';

export interface InventoryItemFilter {
  types?: string[] | null;
  search?: string | null;
  platform?: string | null;
  missing?: boolean | null;
  modifiedAfter?: Date | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Reads of inventory: PostgreSQL only, never Graph (monitoring never waits on Microsoft). */
@Injectable()
export class InventoryQueryService {
  constructor(
    @InjectRepository(InventoryItem) private readonly items: Repository<InventoryItem>,
    @InjectRepository(InventoryTypeState) private readonly states: Repository<InventoryTypeState>,
  ) {}

  async listItems(
    tenantId: string,
    filter: InventoryItemFilter,
    first: number,
    after?: string | null,
  ): Promise<ConnectionShape<InventoryItem>> {
    const query = this.items.createQueryBuilder('i').where('i.tenant_id = :tenantId', { tenantId });
    if (filter.types?.length) query.andWhere('i.type_key IN (:...types)', { types: filter.types });
    if (filter.search) query.andWhere(`i.name ILIKE :search ESCAPE '\\'`, { search: `%${escapeLike(filter.search)}%` });
    if (filter.platform) query.andWhere('lower(i.platform) = lower(:platform)', { platform: filter.platform });
    if (filter.missing === true) query.andWhere('i.missing_since IS NOT NULL');
    if (filter.missing === false) query.andWhere('i.missing_since IS NULL');
    if (filter.modifiedAfter)
      query.andWhere('i.last_modified_at > :modifiedAfter', { modifiedAfter: filter.modifiedAfter });
    if (after) {
      const [name, id] = decodeCursor(after, ['text', 'uuid']);
      query.andWhere(
        new Brackets((w) => w.where('i.name > :name', { name }).orWhere('i.name = :name AND i.id > :id', { id })),
      );
    }
    const rows = await query
      .orderBy('i.name', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .limit(first + 1)
      .getMany();
    return toConnection(
      rows,
      first,
      (r) => [r.name, r.id],
      (r) => r,
    );
  }

  findItem(id: string): Promise<InventoryItem | null> {
    return this.items.findOneBy({ id });
  }

  async summary(
    tenantId: string,
  ): Promise<{ counts: Array<{ typeKey: string; present: number; missing: number }>; states: InventoryTypeState[] }> {
    const counts: Array<{ typeKey: string; present: string; missing: string }> = await this.items.query(
      `SELECT type_key AS "typeKey", count(*) FILTER (WHERE missing_since IS NULL) AS present, count(*) FILTER (WHERE missing_since IS NOT NULL) AS missing
         FROM inventory_items WHERE tenant_id = $1 GROUP BY type_key`,
      [tenantId],
    );
    const states = await this.states.find({ where: { tenantId } });
    return {
      counts: counts.map((c) => ({ typeKey: c.typeKey, present: Number(c.present), missing: Number(c.missing) })),
      states,
    };
  }
}
