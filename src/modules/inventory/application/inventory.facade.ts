import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, type Repository } from 'typeorm';
import { InventoryItem } from '../domain/inventory-item.entity';
import { InventoryQueryService } from './inventory-query.service';

/** What TenantAtlas last observed of one object, as other modules see it (metadata only, never a payload). */
export interface ObservedItemView {
  typeKey: string;
  /** The object id in Microsoft Graph. */
  externalId: string;
  name: string;
  odataType: string | null;
  platform: string | null;
  lastModifiedAt: Date | null;
  version: string | null;
  lastSeenAt: Date;
  /** Set when a complete sync of its type no longer saw it. */
  missingSince: Date | null;
}

export interface InventoryTypeSummary {
  typeKey: string;
  present: number;
  missing: number;
  lastStatus: string | null;
  lastCompleteSyncAt: Date | null;
}

/**
 * The inventory module's read surface (database only): the last observed state of a tenant, for backups and restore
 * (matching a backed-up object to the target's object by id or by name + `@odata.type`, and noticing changes).
 */
@Injectable()
export class InventoryFacade {
  constructor(
    @InjectRepository(InventoryItem) private readonly items: Repository<InventoryItem>,
    private readonly queries: InventoryQueryService,
  ) {}

  /** Present (not missing) objects of one type. */
  async itemsOfType(tenantId: string, typeKey: string): Promise<ObservedItemView[]> {
    const rows = await this.items.find({
      where: { tenantId, typeKey, missingSince: IsNull() },
      order: { name: 'ASC' },
    });
    return rows.map(toView);
  }

  /** Objects of one type by Graph id (missing ones included, with `missingSince` set). */
  async itemsByExternalIds(
    tenantId: string,
    typeKey: string,
    externalIds: readonly string[],
  ): Promise<ObservedItemView[]> {
    if (externalIds.length === 0) return [];
    const rows = await this.items.find({ where: { tenantId, typeKey, externalId: In([...new Set(externalIds)]) } });
    return rows.map(toView);
  }

  /** Present objects of one type with this exact name and `@odata.type` (null: any); more than one means ambiguous. */
  async itemsByName(
    tenantId: string,
    typeKey: string,
    name: string,
    odataType: string | null,
  ): Promise<ObservedItemView[]> {
    const rows = await this.items.find({
      where: { tenantId, typeKey, name, missingSince: IsNull(), ...(odataType ? { odataType } : {}) },
    });
    return rows.map(toView);
  }

  async summary(tenantId: string): Promise<InventoryTypeSummary[]> {
    const { counts, states } = await this.queries.summary(tenantId);
    const keys = new Set([...counts.map((c) => c.typeKey), ...states.map((s) => s.typeKey)]);
    return [...keys].sort().map((typeKey) => {
      const count = counts.find((c) => c.typeKey === typeKey);
      const state = states.find((s) => s.typeKey === typeKey);
      return {
        typeKey,
        present: count?.present ?? 0,
        missing: count?.missing ?? 0,
        lastStatus: state?.status ?? null,
        lastCompleteSyncAt: state?.lastCompleteSyncAt ?? null,
      };
    });
  }
}

function toView(row: InventoryItem): ObservedItemView {
  return {
    typeKey: row.typeKey,
    externalId: row.externalId,
    name: row.name,
    odataType: row.odataType,
    platform: row.platform,
    lastModifiedAt: row.lastModifiedAt,
    version: row.version,
    lastSeenAt: row.lastSeenAt,
    missingSince: row.missingSince,
  };
}
