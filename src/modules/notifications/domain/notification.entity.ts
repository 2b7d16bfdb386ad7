import { Column, Entity, PrimaryColumn } from 'typeorm';

export type NotificationKind = 'run_queued' | 'run_completed';

/** One inbox row of one user. At most one per (run, kind): redelivered events do not duplicate it. */
@Entity({ name: 'notifications' })
export class Notification {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'user_id', type: 'text' }) userId: string;
  @Column({ type: 'text' }) kind: NotificationKind;
  @Column({ name: 'run_id', type: 'uuid' }) runId: string;
  @Column({ name: 'tenant_id', type: 'text', nullable: true }) tenantId: string | null;
  @Column('text') title: string;
  @Column({ type: 'text', nullable: true }) outcome: string | null;
  @Column('text') link: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
}

export function notificationFromRow(row: Record<string, any>): Notification {
  return Object.assign(new Notification(), {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    runId: row.run_id,
    tenantId: row.tenant_id,
    title: row.title,
    outcome: row.outcome,
    link: row.link,
    createdAt: row.created_at,
    readAt: row.read_at,
  });
}

declare module '../../../infrastructure/events/event-map' {
  interface EventMap {
    /** Broadcast to every process: pushed to the recipient's `notificationAdded` subscriptions. */
    'notification.added': Notification;
  }
}
