import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { InstrumentKind } from '../instrument-kind';

/** A questionnaire with a stable code; its content lives in its versions. */
@Entity({ schema: 'instruments', name: 'instrument' })
@Unique('uq_instrument_code', ['code'])
@Check('ck_instrument_code', `"code" ~ '^[a-z][a-z0-9-]{1,62}$'`)
@Check('ck_instrument_kind', `"kind" IN ('judges-survey', 'staff-survey', 'peer-review')`)
export class InstrumentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_instrument' })
  id: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  kind: InstrumentKind;

  @Column({ type: 'text' })
  titleKk: string;

  @Column({ type: 'text' })
  titleRu: string;

  @Column({ type: 'text' })
  titleEn: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
