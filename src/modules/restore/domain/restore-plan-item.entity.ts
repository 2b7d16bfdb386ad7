import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { ChangeRow } from './comparable';
import type { Reference } from './references';
import type { MatchedBy, RestoreAction } from './restore-model';

/** One backed-up object in a plan: its action, every reason it is blocked, its target and what preview saw there. */
@Entity({ name: 'restore_plan_items' })
export class RestorePlanItem {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'plan_id', type: 'uuid' }) planId: string;
  /** Execution order (dependency order). */
  @Column({ type: 'integer' }) seq: number;
  @Column({ name: 'backup_item_id', type: 'uuid' }) backupItemId: string;
  @Column({ name: 'type_key', type: 'text' }) typeKey: string;
  @Column({ name: 'source_id', type: 'text' }) sourceId: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ name: 'odata_type', type: 'text', nullable: true }) odataType: string | null;
  @Column({ type: 'text' }) action: RestoreAction;
  /** Every reason it is blocked (pre-flight reasons and unmapped references). */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) reasons: string[];
  /** Reasons no mapping can lift (pre-flight, ambiguity); a mapping override recomputes the rest. */
  @Column({ name: 'base_reasons', type: 'text', array: true, default: () => "'{}'" }) baseReasons: string[];
  /** What the item does once nothing blocks it. */
  @Column({ name: 'intended_action', type: 'text' }) intendedAction: RestoreAction;
  /** The tenant-bound ids it references (groups, filters, scope tags, roles). */
  @Column({ type: 'jsonb', default: () => "'[]'" }) refs: Reference[];
  @Column({ name: 'target_id', type: 'text', nullable: true }) targetId: string | null;
  @Column({ name: 'matched_by', type: 'text', nullable: true }) matchedBy: MatchedBy | null;
  /** The live object's lastModifiedDateTime|version at preview; execute refuses to write when it moved. */
  @Column({ name: 'target_fingerprint', type: 'text', nullable: true }) targetFingerprint: string | null;
  /** The target's inventory row at preview (lastModifiedAt|version); confirm refuses when it moved. */
  @Column({ name: 'inventory_fingerprint', type: 'text', nullable: true }) inventoryFingerprint: string | null;
  @Column({ type: 'jsonb', nullable: true }) diff: ChangeRow[] | null;
}
