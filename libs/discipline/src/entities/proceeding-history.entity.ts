import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DISCIPLINE_SCHEMA } from '@app/core';
import {
  APPEAL_OUTCOMES,
  AppealOutcome,
  CLOSURE_GROUNDS,
  ClosureGround,
  PROCEEDING_DECISIONS,
  PROCEEDING_STAGES,
  ProceedingDecision,
  ProceedingStage,
  SANCTIONS,
  Sanction,
  sqlList,
} from '../discipline.codes';
import { ProceedingEntity } from './proceeding.entity';

/** What happened to a proceeding: one row per event. */
export enum HistoryEvent {
  Opened = 'opened',
  StageChanged = 'stage-changed',
  AppealFiled = 'appeal-filed',
  AppealDecided = 'appeal-decided',
}
export const HISTORY_EVENTS = Object.values(HistoryEvent);

/**
 * The full history of a proceeding. Append-only: the disciplinary role may insert and read
 * but not update or delete (migration). `sequence` numbers a proceeding's events from 1;
 * its uniqueness also refuses a second writer that read the same state.
 */
@Entity({ schema: DISCIPLINE_SCHEMA, name: 'proceeding_history' })
@Unique('uq_proceeding_history_proceeding_id_sequence', ['proceedingId', 'sequence'])
@Check('ck_proceeding_history_event', `"event" IN (${sqlList(HISTORY_EVENTS)})`)
@Check('ck_proceeding_history_stage', `"stage" IN (${sqlList(PROCEEDING_STAGES)}) AND "from_stage" IN (${sqlList(PROCEEDING_STAGES)})`)
@Check('ck_proceeding_history_decision', `"decision" IN (${sqlList(PROCEEDING_DECISIONS)})`)
@Check('ck_proceeding_history_sanction', `"sanction" IN (${sqlList(SANCTIONS)})`)
@Check('ck_proceeding_history_closure_ground', `"closure_ground" IN (${sqlList(CLOSURE_GROUNDS)})`)
@Check('ck_proceeding_history_appeal_outcome', `"appeal_outcome" IN (${sqlList(APPEAL_OUTCOMES)})`)
@Check('ck_proceeding_history_sequence', `"sequence" >= 1`)
export class ProceedingHistoryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_proceeding_history' })
  id: string;

  @Column({ type: 'uuid' })
  proceedingId: string;

  @ManyToOne(() => ProceedingEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'proceeding_id', foreignKeyConstraintName: 'fk_proceeding_history_proceeding_id' })
  proceeding?: ProceedingEntity;

  @Column({ type: 'int' })
  sequence: number;

  @Column({ type: 'text' })
  event: HistoryEvent;

  /** Stage before the event (null when the proceeding was opened) and after it. */
  @Column({ type: 'text', nullable: true })
  fromStage: ProceedingStage | null;

  @Column({ type: 'text' })
  stage: ProceedingStage;

  @Column({ type: 'text', nullable: true })
  decision: ProceedingDecision | null;

  @Column({ type: 'text', nullable: true })
  sanction: Sanction | null;

  @Column({ type: 'text', nullable: true })
  closureGround: ClosureGround | null;

  @Column({ type: 'text', nullable: true })
  appealOutcome: AppealOutcome | null;

  /** The day the event took effect, as the Jury entered it. */
  @Column({ type: 'date' })
  effectiveOn: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  /** The Jury member's account; no foreign key, as the accounts live in the evaluation schema `auth`. */
  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ type: 'text' })
  actorLogin: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt: Date;
}
