import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type EntityManager, type Repository } from 'typeorm';
import { decodeCursor } from '../../../infrastructure/graphql/pagination';
import { AuditEventEntity } from '../domain/audit-event.entity';
import type { AccessAuditLog, AccessDenial } from '../../../infrastructure/access';
import { sanitizeAuditMetadata } from './sanitize-audit-metadata';

/** What a caller records; the facade adds the time and sanitizes the metadata. */
export interface AuditEntry {
  actor: { id: string; upn?: string | null };
  tenantId: string | null;
  /** dotted verb, e.g. `tenant.registered`, `access.granted`, `access.denied`. */
  action: string;
  target: { type: string; id?: string | null };
  metadata?: Record<string, unknown>;
  requestId?: string | null;
}

export interface AuditEventFilterValues {
  actions?: string[];
  actorId?: string;
  targetType?: string;
  since?: Date;
  until?: Date;
}

export interface AuditPage {
  events: AuditEventEntity[];
  hasNextPage: boolean;
}

/**
 * The only way into the audit trail: `record` appends (inside the caller's transaction when given its manager, so the
 * change and its record commit or roll back together), `list` reads newest first with a keyset cursor. There is no
 * update or delete path, in code or in the database (trigger).
 */
@Injectable()
export class AuditFacade implements AccessAuditLog {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  async record(entry: AuditEntry, manager?: EntityManager): Promise<void> {
    await (manager ?? this.events.manager).insert(AuditEventEntity, {
      actorId: entry.actor.id,
      actorUpn: entry.actor.upn ?? null,
      tenantId: entry.tenantId,
      action: entry.action,
      targetType: entry.target.type,
      targetId: entry.target.id ?? null,
      metadata: sanitizeAuditMetadata(entry.metadata) as never, // jsonb: TypeORM's deep-partial type cannot express it
      requestId: entry.requestId ?? null,
    });
  }

  /** A refused access to an existing tenant (the platform access layer reports it here). */
  recordDenial({ user, tenantId, needed, reason, entity, requestId }: AccessDenial): Promise<void> {
    return this.record({
      actor: { id: user.id, upn: user.upn },
      tenantId,
      action: 'access.denied',
      target: { type: entity.toLowerCase(), id: tenantId },
      metadata: { needed, reason },
      requestId,
    });
  }

  async list(
    tenantId: string,
    filter: AuditEventFilterValues,
    first: number,
    after?: string | null,
  ): Promise<AuditPage> {
    const query = this.events.createQueryBuilder('e').where('e.tenant_id = :tenantId', { tenantId });
    if (filter.actions?.length) query.andWhere('e.action IN (:...actions)', { actions: filter.actions });
    if (filter.actorId) query.andWhere('e.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.targetType) query.andWhere('e.target_type = :targetType', { targetType: filter.targetType });
    if (filter.since) query.andWhere('e.at >= :since', { since: filter.since });
    if (filter.until) query.andWhere('e.at < :until', { until: filter.until });
    if (after) query.andWhere(new Brackets((q) => q.where('e.seq < :cursor', { cursor: keysetFrom(after) })));
    const rows = await query
      .orderBy('e.seq', 'DESC')
      .limit(first + 1)
      .getMany();
    return { events: rows.slice(0, first), hasNextPage: rows.length > first };
  }
}

/** seq is a bigint: anything but up to 19 digits would fail in PostgreSQL, so a forged cursor is BAD_USER_INPUT instead. */
function keysetFrom(after: string): string {
  const [seq] = decodeCursor(after, ['bigint']);
  return seq;
}
