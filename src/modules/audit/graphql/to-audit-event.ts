import type { AuditEventEntity } from '../domain/audit-event.entity';
import { encodeCursor } from '../../../infrastructure/graphql/pagination';
import type { AuditPage } from '../application/audit.facade';
import type { AuditEvent, AuditEventConnection } from './audit-event.type';

export function toAuditEvent(row: AuditEventEntity): AuditEvent {
  return {
    id: row.seq,
    actorId: row.actorId,
    actorUpn: row.actorUpn,
    tenantId: row.tenantId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    metadataJson: JSON.stringify(row.metadata ?? {}),
    requestId: row.requestId,
    at: row.at,
  };
}

export function toAuditEventConnection(page: AuditPage): AuditEventConnection {
  const edges = page.events.map((row) => ({ cursor: encodeCursor([row.seq]), node: toAuditEvent(row) }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}
