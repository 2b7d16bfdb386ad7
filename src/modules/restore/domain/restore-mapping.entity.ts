import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MappingKind, MappingSource } from './restore-model';

/** How a plan translates one source id (group, filter, scope tag, role) into the target tenant, and how it knew. */
@Entity({ name: 'restore_mappings' })
export class RestoreMapping {
  @PrimaryColumn({ name: 'plan_id', type: 'uuid' }) planId: string;
  @PrimaryColumn({ type: 'text' }) kind: MappingKind;
  @PrimaryColumn({ name: 'source_id', type: 'text' }) sourceId: string;
  @Column({ name: 'source_name', type: 'text', nullable: true }) sourceName: string | null;
  @Column({ name: 'target_id', type: 'text', nullable: true }) targetId: string | null;
  @Column({ name: 'found_by', type: 'text' }) foundBy: MappingSource;
  @Column({ type: 'text', nullable: true }) note: string | null;
}
