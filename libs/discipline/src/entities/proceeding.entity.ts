import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { DISCIPLINE_SCHEMA } from '@app/core';
import {
  APPEAL_OUTCOMES,
  AppealOutcome,
  CLOSURE_GROUNDS,
  ClosureGround,
  COURT_LEVELS,
  CourtLevel,
  LIABILITY_GROUNDS,
  LiabilityGround,
  PROCEEDING_DECISIONS,
  PROCEEDING_SOURCES,
  PROCEEDING_STAGES,
  ProceedingDecision,
  ProceedingSource,
  ProceedingStage,
  REGION_CODES,
  RegionCode,
  SANCTIONS,
  Sanction,
  sqlList,
} from '../discipline.codes';

/**
 * A disciplinary proceeding against a judge. The judge is named by the register id only,
 * with no foreign key: the register lives in the evaluation schema `registry`, which the
 * disciplinary role cannot read. Region and court level are snapshots the Jury enters, for
 * its statistics. The CHECKs restate the state machine's invariants, so no write path can
 * store a decided proceeding without its decision or an appeal before a decision.
 */
@Entity({ schema: DISCIPLINE_SCHEMA, name: 'proceeding' })
@Unique('uq_proceeding_reference', ['reference'])
@Index('ix_proceeding_judge_id', ['judgeId'])
@Index('ix_proceeding_initiated_on', ['initiatedOn'])
@Check('ck_proceeding_source', `"source" IN (${sqlList(PROCEEDING_SOURCES)})`)
@Check('ck_proceeding_grounds', `cardinality("grounds") >= 1 AND "grounds" <@ ARRAY[${sqlList(LIABILITY_GROUNDS)}]::text[]`)
@Check('ck_proceeding_region_code', `"region_code" IN (${sqlList(REGION_CODES)})`)
@Check('ck_proceeding_court_level', `"court_level" IN (${sqlList(COURT_LEVELS)})`)
@Check('ck_proceeding_stage', `"stage" IN (${sqlList(PROCEEDING_STAGES)})`)
@Check('ck_proceeding_decision', `"decision" IN (${sqlList(PROCEEDING_DECISIONS)})`)
@Check('ck_proceeding_sanction', `"sanction" IN (${sqlList(SANCTIONS)})`)
@Check('ck_proceeding_closure_ground', `"closure_ground" IN (${sqlList(CLOSURE_GROUNDS)})`)
@Check('ck_proceeding_appeal_outcome', `"appeal_outcome" IN (${sqlList(APPEAL_OUTCOMES)})`)
@Check(
  'ck_proceeding_decided',
  `("stage" = 'decided') = ("decision" IS NOT NULL) AND ("decision" IS NULL) = ("decided_on" IS NULL)` +
    ` AND ("sanction" IS NOT NULL) = ("decision" IS NOT DISTINCT FROM 'sanction-imposed')` +
    ` AND ("closure_ground" IS NOT NULL) = ("decision" IS NOT DISTINCT FROM 'proceedings-closed')`,
)
@Check(
  'ck_proceeding_appeal',
  `("appeal_filed_on" IS NULL OR "stage" = 'decided') AND ("appeal_outcome" IS NULL OR "appeal_filed_on" IS NOT NULL)` +
    ` AND ("appeal_outcome" IS NULL) = ("appeal_decided_on" IS NULL)`,
)
@Check(
  'ck_proceeding_dates',
  `"stage_since" >= "initiated_on" AND ("decided_on" IS NULL OR "decided_on" >= "initiated_on")` +
    ` AND ("appeal_filed_on" IS NULL OR "appeal_filed_on" >= "decided_on")` +
    ` AND ("appeal_decided_on" IS NULL OR "appeal_decided_on" >= "appeal_filed_on")`,
)
export class ProceedingEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_proceeding' })
  id: string;

  /** The judge's id in the evaluation register. Deliberately no foreign key (see above). */
  @Column({ type: 'uuid' })
  judgeId: string;

  /** The Jury's own registration number, when it has one. */
  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Column({ type: 'text' })
  source: ProceedingSource;

  @Column({ type: 'text', array: true })
  grounds: LiabilityGround[];

  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ type: 'text' })
  regionCode: RegionCode;

  @Column({ type: 'text' })
  courtLevel: CourtLevel;

  @Column({ type: 'date' })
  initiatedOn: string;

  @Column({ type: 'text', default: ProceedingStage.Initiated })
  stage: ProceedingStage;

  /** The day the current stage took effect. */
  @Column({ type: 'date' })
  stageSince: string;

  @Column({ type: 'text', nullable: true })
  decision: ProceedingDecision | null;

  @Column({ type: 'text', nullable: true })
  sanction: Sanction | null;

  @Column({ type: 'text', nullable: true })
  closureGround: ClosureGround | null;

  @Column({ type: 'date', nullable: true })
  decidedOn: string | null;

  /** Appeal to the Supreme Judicial Council against the decision. */
  @Column({ type: 'date', nullable: true })
  appealFiledOn: string | null;

  @Column({ type: 'text', nullable: true })
  appealOutcome: AppealOutcome | null;

  @Column({ type: 'date', nullable: true })
  appealDecidedOn: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
