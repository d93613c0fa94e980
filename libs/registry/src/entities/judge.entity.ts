import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { CourtEntity } from './court.entity';

@Entity({ schema: 'registry', name: 'judge' })
@Unique('uq_judge_personnel_number', ['personnelNumber'])
@Index('ix_judge_court_id', ['courtId'])
@Check('ck_judge_language', `"language" IN ('kk', 'ru', 'en')`)
@Check('ck_judge_gender', `"gender" IN ('f', 'm')`)
@Check('ck_judge_position', `"position" IN ('judge', 'chamber-president', 'court-president')`)
@Check('ck_judge_birth_year', `"birth_year" BETWEEN 1900 AND 2100`)
export class JudgeEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_judge' })
  id: string;

  @Column({ type: 'text' })
  personnelNumber: string;

  @Column({ type: 'text' })
  fullName: string;

  @Column({ type: 'text' })
  gender: string;

  @Column({ type: 'integer' })
  birthYear: number;

  @Column({ type: 'date' })
  appointmentDate: string;

  @Column({ type: 'uuid' })
  courtId: string;

  @ManyToOne(() => CourtEntity)
  @JoinColumn({ name: 'court_id', foreignKeyConstraintName: 'fk_judge_court_id' })
  court?: CourtEntity;

  @Column({ type: 'text' })
  position: string;

  @Column({ type: 'text' })
  email: string;

  /** Language of this person's invitations and reminders. */
  @Column({ type: 'text', default: 'kk' })
  language: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ type: 'boolean', default: false })
  synthetic: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
