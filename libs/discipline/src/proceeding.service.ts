import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { ErrorKind } from '@app/core';
import { AuditLogService, Principal } from '@app/auth';
import {
  AppealOutcome,
  ClosureGround,
  CourtLevel,
  LiabilityGround,
  ProceedingDecision,
  ProceedingSource,
  ProceedingStage,
  RegionCode,
  Sanction,
} from './discipline.codes';
import { DisciplineClock } from './discipline-clock';
import { DisciplineError, DisciplineErrorCode, notFound } from './discipline.errors';
import { DisciplineStatistics, shapeStatistics } from './discipline-statistics';
import { HistoryEvent, ProceedingHistoryEntity } from './entities/proceeding-history.entity';
import { ProceedingEntity } from './entities/proceeding.entity';
import { NewHistoryRow, ProceedingQuery, ProceedingRepository } from './proceeding.repository';
import { changeStage, decideAppeal, fileAppeal, nextStages, openProceeding, ProceedingChanges, ProceedingState } from './proceeding-state-machine';

/** Disciplinary actions worth an audit entry. The entry names the proceeding only (see docs/architecture.md). */
export enum DisciplineAuditAction {
  ProceedingOpened = 'discipline.proceeding-opened',
  StageChanged = 'discipline.stage-changed',
  AppealFiled = 'discipline.appeal-filed',
  AppealDecided = 'discipline.appeal-decided',
}

export const PROCEEDING_AUDIT_TARGET = 'discipline.proceeding';

export type Actor = Pick<Principal, 'userId' | 'login'>;

export interface NewProceeding {
  judgeId: string;
  reference?: string | null;
  source: string;
  grounds: string[];
  summary?: string | null;
  regionCode: string;
  courtLevel: string;
  initiatedOn: string;
  note?: string | null;
}

export interface StageChange {
  to: string;
  decision?: string | null;
  sanction?: string | null;
  closureGround?: string | null;
  /** Defaults to today. */
  effectiveOn?: string | null;
  note?: string | null;
}

export interface AppealFiling {
  filedOn: string;
  note?: string | null;
}

export interface AppealDecision {
  outcome: string;
  decidedOn: string;
  note?: string | null;
}

export interface ProceedingView {
  id: string;
  judgeId: string;
  reference: string | null;
  source: ProceedingSource;
  grounds: LiabilityGround[];
  summary: string | null;
  regionCode: RegionCode;
  courtLevel: CourtLevel;
  initiatedOn: string;
  stage: ProceedingStage;
  stageSince: string;
  nextStages: ProceedingStage[];
  decision: ProceedingDecision | null;
  sanction: Sanction | null;
  closureGround: ClosureGround | null;
  decidedOn: string | null;
  appeal: { filedOn: string; outcome: AppealOutcome | null; decidedOn: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export interface HistoryView {
  sequence: number;
  event: HistoryEvent;
  fromStage: ProceedingStage | null;
  stage: ProceedingStage;
  decision: ProceedingDecision | null;
  sanction: Sanction | null;
  closureGround: ClosureGround | null;
  appealOutcome: AppealOutcome | null;
  effectiveOn: string;
  note: string | null;
  actorLogin: string;
  recordedAt: string;
}

export interface ProceedingDetail extends ProceedingView {
  history: HistoryView[];
}

export interface ProceedingPage {
  total: number;
  limit: number;
  offset: number;
  items: ProceedingView[];
}

function stateOf(proceeding: ProceedingEntity): ProceedingState {
  const { stage, initiatedOn, stageSince, decision, sanction, closureGround, decidedOn, appealFiledOn, appealOutcome, appealDecidedOn } = proceeding;
  return { stage, initiatedOn, stageSince, decision, sanction, closureGround, decidedOn, appealFiledOn, appealOutcome, appealDecidedOn };
}

function view(p: ProceedingEntity): ProceedingView {
  return {
    id: p.id,
    judgeId: p.judgeId,
    reference: p.reference,
    source: p.source,
    grounds: p.grounds,
    summary: p.summary,
    regionCode: p.regionCode,
    courtLevel: p.courtLevel,
    initiatedOn: p.initiatedOn,
    stage: p.stage,
    stageSince: p.stageSince,
    nextStages: [...nextStages(p.stage)],
    decision: p.decision,
    sanction: p.sanction,
    closureGround: p.closureGround,
    decidedOn: p.decidedOn,
    appeal: p.appealFiledOn === null ? null : { filedOn: p.appealFiledOn, outcome: p.appealOutcome, decidedOn: p.appealDecidedOn },
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  };
}

function historyView(h: ProceedingHistoryEntity): HistoryView {
  return {
    sequence: h.sequence,
    event: h.event,
    fromStage: h.fromStage,
    stage: h.stage,
    decision: h.decision,
    sanction: h.sanction,
    closureGround: h.closureGround,
    appealOutcome: h.appealOutcome,
    effectiveOn: h.effectiveOn,
    note: h.note,
    actorLogin: h.actorLogin,
    recordedAt: h.recordedAt.toISOString(),
  };
}

/**
 * The Judicial Jury's disciplinary records. Every change goes through the state machine,
 * is appended to the proceeding's history in the same transaction, and is audited.
 */
@Injectable()
export class ProceedingService {
  constructor(
    private readonly proceedings: ProceedingRepository,
    private readonly audit: AuditLogService,
    private readonly clock: DisciplineClock,
  ) {}

  async open(actor: Actor, input: NewProceeding): Promise<ProceedingDetail> {
    if (!isUUID(input.judgeId)) {
      throw new DisciplineError(DisciplineErrorCode.InvalidValue, ErrorKind.Invalid, 'judgeId: not a UUID', [
        { field: 'judgeId', reason: 'must be a UUID', constraint: 'isUuid' },
      ], { field: 'judgeId', values: 'UUID' });
    }
    const checked = openProceeding(input, this.clock.today());
    const created = await this.proceedings.insert(
      {
        judgeId: input.judgeId,
        reference: input.reference ?? null,
        source: checked.source,
        grounds: checked.grounds,
        summary: input.summary ?? null,
        regionCode: checked.regionCode,
        courtLevel: checked.courtLevel,
        ...checked.state,
      },
      this.event(actor, HistoryEvent.Opened, null, checked.state, checked.state.initiatedOn, input.note),
    );
    await this.audit.record(actor, { action: DisciplineAuditAction.ProceedingOpened, targetType: PROCEEDING_AUDIT_TARGET, targetId: created.id });
    return this.get(created.id);
  }

  async get(id: string): Promise<ProceedingDetail> {
    const proceeding = await this.proceedings.findById(id);
    if (!proceeding) throw notFound();
    const history = await this.proceedings.historyOf(id);
    return { ...view(proceeding), history: history.map(historyView) };
  }

  async list(query: ProceedingQuery): Promise<ProceedingPage> {
    const [items, total] = await this.proceedings.page(query);
    return { total, limit: query.limit, offset: query.offset, items: items.map(view) };
  }

  async changeStage(actor: Actor, id: string, change: StageChange): Promise<ProceedingDetail> {
    const today = this.clock.today();
    const effectiveOn = change.effectiveOn ?? today;
    await this.proceedings.update(id, (current) => {
      const changes = changeStage(stateOf(current), { ...change, effectiveOn }, today);
      return { changes, event: this.event(actor, HistoryEvent.StageChanged, current.stage, { ...stateOf(current), ...changes }, effectiveOn, change.note) };
    });
    await this.audit.record(actor, { action: DisciplineAuditAction.StageChanged, targetType: PROCEEDING_AUDIT_TARGET, targetId: id });
    return this.get(id);
  }

  async fileAppeal(actor: Actor, id: string, appeal: AppealFiling): Promise<ProceedingDetail> {
    const today = this.clock.today();
    await this.proceedings.update(id, (current) => {
      const changes = fileAppeal(stateOf(current), appeal.filedOn, today);
      return { changes, event: this.event(actor, HistoryEvent.AppealFiled, current.stage, { ...stateOf(current), ...changes }, appeal.filedOn, appeal.note) };
    });
    await this.audit.record(actor, { action: DisciplineAuditAction.AppealFiled, targetType: PROCEEDING_AUDIT_TARGET, targetId: id });
    return this.get(id);
  }

  async decideAppeal(actor: Actor, id: string, decision: AppealDecision): Promise<ProceedingDetail> {
    const today = this.clock.today();
    await this.proceedings.update(id, (current) => {
      const changes = decideAppeal(stateOf(current), decision.outcome, decision.decidedOn, today);
      return {
        changes,
        event: this.event(actor, HistoryEvent.AppealDecided, current.stage, { ...stateOf(current), ...changes }, decision.decidedOn, decision.note),
      };
    });
    await this.audit.record(actor, { action: DisciplineAuditAction.AppealDecided, targetType: PROCEEDING_AUDIT_TARGET, targetId: id });
    return this.get(id);
  }

  async statistics(): Promise<DisciplineStatistics> {
    return shapeStatistics(await this.proceedings.statistics());
  }

  private event(actor: Actor, event: HistoryEvent, fromStage: ProceedingStage | null, after: ProceedingState & ProceedingChanges, effectiveOn: string, note?: string | null): NewHistoryRow {
    const appealEvent = event === HistoryEvent.AppealDecided;
    const decisionEvent = event === HistoryEvent.StageChanged && after.stage === ProceedingStage.Decided;
    return {
      event,
      fromStage,
      stage: after.stage,
      decision: decisionEvent ? after.decision : null,
      sanction: decisionEvent ? after.sanction : null,
      closureGround: decisionEvent ? after.closureGround : null,
      appealOutcome: appealEvent ? after.appealOutcome : null,
      effectiveOn,
      note: note ?? null,
      actorUserId: actor.userId,
      actorLogin: actor.login,
    };
  }
}
