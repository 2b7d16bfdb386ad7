import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventBus } from '../../../infrastructure/events';
import type { OperationRunOutcome } from '../../../infrastructure/runs';
import type { OperationRunCompleted, OperationRunEventBase } from '../../operation-runs';
import { type NotificationKind, notificationFromRow } from '../domain/notification.entity';
import { runNotificationTitle } from '../domain/run-notification-title';

/**
 * Invariant 6: one "queued" and one terminal notification per run, to the initiator only (scheduled runs have
 * none). The unique (run_id, kind) index makes a redelivered event, or a race with RunNotificationRepair, a no-op.
 */
@Injectable()
export class RunNotificationsListener implements OnModuleInit {
  constructor(
    private readonly db: DataSource,
    private readonly bus: EventBus,
  ) {}

  onModuleInit(): void {
    this.bus.on('operation-run.queued', async (event) => {
      await this.notify(event, 'run_queued', null);
    });
    this.bus.on('operation-run.completed', async (event: OperationRunCompleted) => {
      await this.notify(event, 'run_completed', event.outcome);
    });
  }

  /** Inserts the notification unless it exists (listener and repair sweep may race); true when this call created it. */
  async notify(
    event: OperationRunEventBase,
    kind: NotificationKind,
    outcome: OperationRunOutcome | null,
  ): Promise<boolean> {
    if (!event.initiatorUserId) return false;
    const rows = (await this.db.query(
      `INSERT INTO notifications (user_id, kind, run_id, tenant_id, title, outcome, link)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (run_id, kind) DO NOTHING RETURNING *`,
      [
        event.initiatorUserId,
        kind,
        event.runId,
        event.tenantId,
        runNotificationTitle(event.title, outcome),
        outcome,
        `/operations/${event.runId}`,
      ],
    )) as Record<string, unknown>[];
    if (!rows[0]) return false;
    await this.bus.broadcast('notification.added', notificationFromRow(rows[0]));
    return true;
  }
}
