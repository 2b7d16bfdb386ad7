import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The display name of a settings catalog setting definition (Microsoft's, the same in every tenant). */
@Entity({ name: 'setting_definition_labels' })
export class SettingDefinitionLabel {
  @PrimaryColumn({ name: 'definition_id', type: 'text' }) definitionId: string;
  /** Null: Graph did not know the id; the diff shows the id instead. */
  @Column({ name: 'display_name', type: 'text', nullable: true }) displayName: string | null;
  @Column({ name: 'fetched_at', type: 'timestamptz' }) fetchedAt: Date;
}
