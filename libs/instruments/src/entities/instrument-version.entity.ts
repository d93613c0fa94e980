import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { InstrumentEntity } from './instrument.entity';

/**
 * One version of a questionnaire: a SurveyJS definition that passed validation. Once a
 * launched campaign uses it, it is locked, and a trigger refuses any change to it.
 */
@Entity({ schema: 'instruments', name: 'instrument_version' })
@Unique('uq_instrument_version_instrument_id_version', ['instrumentId', 'version'])
@Check('ck_instrument_version_version', `"version" >= 1`)
@Check('ck_instrument_version_definition', `jsonb_typeof("definition") = 'object'`)
export class InstrumentVersionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_instrument_version' })
  id: string;

  @Column({ type: 'uuid' })
  instrumentId: string;

  @ManyToOne(() => InstrumentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'instrument_id', foreignKeyConstraintName: 'fk_instrument_version_instrument_id' })
  instrument?: InstrumentEntity;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'jsonb' })
  definition: Record<string, unknown>;

  /** The account that saved it; null for the built-in seed. No foreign key: the record outlives the account. */
  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'boolean', default: false })
  locked: boolean;
}

/** A version without its definition, for listings. */
export type VersionSummary = Omit<InstrumentVersionEntity, 'definition' | 'instrument'>;
