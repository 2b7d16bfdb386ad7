import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { RestoreItemStatus } from './restore-model';

/** What execution did with one plan item (at most one per item: a resumed attempt skips items that have one). */
@Entity({ name: 'restore_results' })
export class RestoreResult {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'run_id', type: 'uuid' }) runId: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  @Column({ name: 'plan_item_id', type: 'uuid' }) planItemId: string;
  @Column({ type: 'integer' }) seq: number;
  @Column({ type: 'text' }) status: RestoreItemStatus;
  @Column({ name: 'target_id', type: 'text', nullable: true }) targetId: string | null;
  /** True when this execution created the object (false: updated, or found from an interrupted attempt). */
  @Column({ type: 'boolean', default: false }) created: boolean;
  /** Sanitized Graph error or the reason; never a secret. */
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}
