import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, In, type Repository } from 'typeorm';
import { decodeCursor, toConnection, type ConnectionShape } from '../../../infrastructure/graphql/pagination';
import { DirectoryGroup } from '../domain/directory-group.entity';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Reads of the directory cache: PostgreSQL only, never Graph (restore mapping and pickers never wait on Microsoft). */
@Injectable()
export class DirectoryGroupQueries {
  constructor(@InjectRepository(DirectoryGroup) private readonly groups: Repository<DirectoryGroup>) {}

  async page(
    tenantId: string,
    search: string | null | undefined,
    first: number,
    after?: string | null,
    includeDeleted = false,
  ): Promise<ConnectionShape<DirectoryGroup>> {
    const query = this.groups.createQueryBuilder('g').where('g.tenant_id = :tenantId', { tenantId });
    if (!includeDeleted) query.andWhere('g.deleted_at IS NULL');
    if (search) query.andWhere(`g.display_name ILIKE :search ESCAPE '\\'`, { search: `%${escapeLike(search)}%` });
    if (after) {
      const [name, id] = decodeCursor(after, ['text', 'uuid']);
      query.andWhere(
        new Brackets((w) =>
          w
            .where('lower(g.display_name) > :name', { name })
            .orWhere('lower(g.display_name) = :name AND g.id > :id', { id }),
        ),
      );
    }
    const rows = await query
      .orderBy('lower(g.display_name)', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .limit(first + 1)
      .getMany();
    return toConnection(
      rows,
      first,
      (r) => [r.displayName.toLowerCase(), r.id],
      (r) => r,
    );
  }

  /** Cached groups of a tenant by Entra id (deleted ones included: old backups still name them). */
  byExternalIds(tenantId: string, externalIds: readonly string[]): Promise<DirectoryGroup[]> {
    if (externalIds.length === 0) return Promise.resolve([]);
    return this.groups.find({ where: { tenantId, externalId: In([...new Set(externalIds)]) } });
  }

  /** Live (not deleted) cached groups of a tenant whose display name equals one of these, case-insensitively. */
  byDisplayNames(tenantId: string, names: readonly string[]): Promise<DirectoryGroup[]> {
    const lowered = [...new Set(names.map((n) => n.toLowerCase()))];
    if (lowered.length === 0) return Promise.resolve([]);
    return this.groups
      .createQueryBuilder('g')
      .where('g.tenant_id = :tenantId AND g.deleted_at IS NULL', { tenantId })
      .andWhere('lower(g.display_name) IN (:...lowered)', { lowered })
      .getMany();
  }
}
