import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../../infrastructure/graphql/pagination';
import { isUuid } from '../../../shared/uuid';
import { type Notification, notificationFromRow } from '../domain/notification.entity';

/** The caller's own inbox: keyset pages (created_at DESC, id DESC) and marking read. */
@Injectable()
export class NotificationsService {
  constructor(private readonly db: DataSource) {}

  async page(
    userId: string,
    first: number,
    after: string | null | undefined,
    unreadOnly: boolean,
  ): Promise<{ items: Notification[]; hasNextPage: boolean }> {
    const params: unknown[] = [userId];
    const where = ['user_id = $1'];
    if (unreadOnly) where.push('read_at IS NULL');
    if (after) {
      const cursor = decodeNotificationCursor(after);
      params.push(cursor.createdAt, cursor.id);
      where.push(`(created_at, id) < ($2, $3)`);
    }
    params.push(first + 1);
    const rows = (await this.db.query(
      `SELECT * FROM notifications WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    )) as Record<string, unknown>[];
    return { items: rows.slice(0, first).map(notificationFromRow), hasNextPage: rows.length > first };
  }

  /** Marks the caller's own notifications read; ids of others are ignored. Returns how many changed. */
  async markRead(userId: string, ids: string[]): Promise<number> {
    const uuids = ids.filter(isUuid);
    if (!uuids.length) return 0;
    const [, count] = (await this.db.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`,
      [userId, uuids],
    )) as [unknown, number];
    return count;
  }
}

/** The inbox keyset (created_at DESC, id DESC) in the shared cursor format; created_at has millisecond precision in the table. */
export function encodeNotificationCursor(n: Notification): string {
  return encodeCursor([n.createdAt.toISOString(), n.id]);
}

function decodeNotificationCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = decodeCursor(cursor, ['timestamp', 'uuid']);
  return { createdAt: new Date(iso), id };
}
