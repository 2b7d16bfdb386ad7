import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BadUserInputError } from '../../../shared/app-errors';
import { isUuid } from '../../../shared/uuid';
import { type Notification, notificationFromRow } from '../domain/notification.entity';

/** The caller's own inbox: keyset pages (created_at DESC, id DESC) and marking read. */
@Injectable()
export class NotificationsService {
  constructor(private readonly db: DataSource) {}

  async page(userId: string, first: number, after: string | null | undefined, unreadOnly: boolean): Promise<{ items: Notification[]; hasNextPage: boolean }> {
    const params: unknown[] = [userId];
    const where = ['user_id = $1'];
    if (unreadOnly) where.push('read_at IS NULL');
    if (after) {
      const cursor = decodeCursor(after);
      params.push(cursor.createdAt, cursor.id);
      where.push(`(created_at, id) < ($2, $3)`);
    }
    params.push(first + 1);
    const rows = (await this.db.query(`SELECT * FROM notifications WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`, params)) as Record<string, unknown>[];
    return { items: rows.slice(0, first).map(notificationFromRow), hasNextPage: rows.length > first };
  }

  /** Marks the caller's own notifications read; ids of others are ignored. Returns how many changed. */
  async markRead(userId: string, ids: string[]): Promise<number> {
    const uuids = ids.filter(isUuid);
    if (!uuids.length) return 0;
    const [, count] = (await this.db.query(`UPDATE notifications SET read_at = now() WHERE user_id = $1 AND id = ANY($2::uuid[]) AND read_at IS NULL`, [userId, uuids])) as [unknown, number];
    return count;
  }
}

export function encodeCursor(n: Notification): string {
  return Buffer.from(`${n.createdAt.toISOString()}|${n.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || Number.isNaN(createdAt.getTime())) throw new BadUserInputError('Invalid pagination cursor', 'after');
  return { createdAt, id };
}
