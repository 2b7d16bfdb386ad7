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
