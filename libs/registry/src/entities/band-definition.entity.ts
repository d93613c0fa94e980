import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Band } from '../bands/bands';

/** A version of the age or experience bands. Versions are never edited: a change is a new version. */
@Entity({ schema: 'registry', name: 'band_definition' })
@Unique('uq_band_definition_kind_version', ['kind', 'version'])
@Check('ck_band_definition_kind', `"kind" IN ('age', 'experience')`)
export class BandDefinitionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_band_definition' })
  id: string;

  @Column({ type: 'text' })
  kind: 'age' | 'experience';

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  bands: Band[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
