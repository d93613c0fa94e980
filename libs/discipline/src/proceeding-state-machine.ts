import { ErrorKind, FieldProblem } from '@app/core';
import {
  AppealOutcome,
  APPEAL_OUTCOMES,
  ClosureGround,
  CLOSURE_GROUNDS,
  COURT_LEVELS,
  CourtLevel,
  isAppealOutcome,
  isClosureGround,
  isCourtLevel,
  isLiabilityGround,
  isProceedingDecision,
  isProceedingSource,
  isProceedingStage,
  isRegionCode,
  isSanction,
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
  Sanction,
  SANCTIONS,
} from './discipline.codes';
import { DisciplineError, DisciplineErrorCode, disciplineProblem, DisciplineReason, invalidValue } from './discipline.errors';

/**
 * The lifecycle of a disciplinary proceeding, as pure functions: each takes the current
 * state and a request and returns the fields to change, or throws a DisciplineError that
 * names the field and the reason. No Nest, no TypeORM; the service applies the result
 * under a row lock and appends it to the history.
 *
 *   initiated → referred → preliminary-examination → hearing → decided
 *        └──────────┴──────────────┴─────────────────────────→ decided (proceedings closed)
 *
 * A sanction is imposed only from `hearing`; any stage before `decided` may end in closed
 * proceedings with a closure ground. `decided` is final; the decision may then be appealed
 * to the Supreme Judicial Council once, and the appeal's outcome recorded once.
 */

/** Dates are ISO calendar days, `YYYY-MM-DD`, which also compare correctly as strings. */
export type IsoDate = string;

export interface ProceedingState {
  stage: ProceedingStage;
  initiatedOn: IsoDate;
  stageSince: IsoDate;
  decision: ProceedingDecision | null;
  sanction: Sanction | null;
  closureGround: ClosureGround | null;
  decidedOn: IsoDate | null;
  appealFiledOn: IsoDate | null;
  appealOutcome: AppealOutcome | null;
  appealDecidedOn: IsoDate | null;
}

export type ProceedingChanges = Partial<ProceedingState>;

const NEXT: Record<ProceedingStage, readonly ProceedingStage[]> = {
  [ProceedingStage.Initiated]: [ProceedingStage.Referred, ProceedingStage.Decided],
  [ProceedingStage.Referred]: [ProceedingStage.PreliminaryExamination, ProceedingStage.Decided],
  [ProceedingStage.PreliminaryExamination]: [ProceedingStage.Hearing, ProceedingStage.Decided],
  [ProceedingStage.Hearing]: [ProceedingStage.Decided],
  [ProceedingStage.Decided]: [],
};

/** Stages a proceeding at `stage` may move to. */
export function nextStages(stage: ProceedingStage): readonly ProceedingStage[] {
  return NEXT[stage];
}

export interface NewProceedingRequest {
  source: string;
  grounds: readonly string[];
  regionCode: string;
  courtLevel: string;
  initiatedOn: string;
}

export interface CheckedNewProceeding {
  source: ProceedingSource;
  grounds: LiabilityGround[];
  regionCode: RegionCode;
  courtLevel: CourtLevel;
  state: ProceedingState;
}

/** Checks the coded fields and the date of a new proceeding, which starts at `initiated`. */
export function openProceeding(request: NewProceedingRequest, today: IsoDate): CheckedNewProceeding {
  const { source, grounds, regionCode, courtLevel } = request;
  if (!isProceedingSource(source)) throw invalidValue('source', PROCEEDING_SOURCES);
  if (!Array.isArray(grounds) || grounds.length === 0) {
    throw new DisciplineError(DisciplineErrorCode.FieldRequired, ErrorKind.Invalid, 'grounds: at least one', [required('grounds')], {
      field: 'grounds',
      to: ProceedingStage.Initiated,
    });
  }
  const badGround = grounds.findIndex((ground) => !isLiabilityGround(ground));
  if (badGround >= 0) throw invalidValue(`grounds.${badGround}`, LIABILITY_GROUNDS);
  if (new Set(grounds).size !== grounds.length) {
    throw new DisciplineError(DisciplineErrorCode.InvalidValue, ErrorKind.Invalid, 'grounds: duplicate', [disciplineProblem('grounds', DisciplineReason.Duplicate)], {
      field: 'grounds',
      values: LIABILITY_GROUNDS.join(', '),
    });
  }
  if (!isRegionCode(regionCode)) throw invalidValue('regionCode', REGION_CODES);
  if (!isCourtLevel(courtLevel)) throw invalidValue('courtLevel', COURT_LEVELS);
  const initiatedOn = checkDate('initiatedOn', request.initiatedOn, null, today);
  return {
    source,
    grounds: grounds as LiabilityGround[],
    regionCode,
    courtLevel,
    state: {
      stage: ProceedingStage.Initiated,
      initiatedOn,
      stageSince: initiatedOn,
      decision: null,
      sanction: null,
      closureGround: null,
      decidedOn: null,
      appealFiledOn: null,
      appealOutcome: null,
      appealDecidedOn: null,
    },
  };
}

export interface StageChangeRequest {
  to: string;
  decision?: string | null;
  sanction?: string | null;
  closureGround?: string | null;
  /** The day the change took effect; at or after the current stage began, not after today. */
  effectiveOn: string;
}

/** Moves a proceeding to its next stage, with the decision the target stage requires. */
export function changeStage(current: ProceedingState, request: StageChangeRequest, today: IsoDate): ProceedingChanges {
  const { to, decision, sanction, closureGround } = request;
  if (!isProceedingStage(to)) throw invalidValue('to', PROCEEDING_STAGES);
  if (given(decision) && !isProceedingDecision(decision)) throw invalidValue('decision', PROCEEDING_DECISIONS);
  if (given(sanction) && !isSanction(sanction)) throw invalidValue('sanction', SANCTIONS);
  if (given(closureGround) && !isClosureGround(closureGround)) throw invalidValue('closureGround', CLOSURE_GROUNDS);

  const allowed = NEXT[current.stage];
  if (allowed.length === 0) {
    throw new DisciplineError(DisciplineErrorCode.AlreadyDecided, ErrorKind.Conflict, `no stage follows ${current.stage}`, [
      disciplineProblem('to', DisciplineReason.FinalStage, { from: current.stage }),
    ]);
  }
  if (!allowed.includes(to)) {
    const list = allowed.join(', ');
    throw new DisciplineError(
      DisciplineErrorCode.TransitionNotAllowed,
      ErrorKind.Conflict,
      `${current.stage} cannot move to ${to}`,
      [disciplineProblem('to', DisciplineReason.NextStage, { allowed: list })],
      { from: current.stage, to, allowed: list },
    );
  }
  const effectiveOn = checkDate('effectiveOn', request.effectiveOn, current.stageSince, today);

  if (to !== ProceedingStage.Decided) {
    refuseGiven({ decision, sanction, closureGround });
    return { stage: to, stageSince: effectiveOn };
  }

  if (!given(decision)) throw missing('decision', to);
  const decided = decision as ProceedingDecision;
  if (decided === ProceedingDecision.SanctionImposed) {
    if (current.stage !== ProceedingStage.Hearing) {
      throw new DisciplineError(
        DisciplineErrorCode.SanctionNeedsHearing,
        ErrorKind.Conflict,
        `sanction from ${current.stage}`,
        [disciplineProblem('decision', DisciplineReason.NeedsHearing)],
        { from: current.stage },
      );
    }
    refuseGiven({ closureGround });
    if (!given(sanction)) throw missing('sanction', to);
    return { stage: to, stageSince: effectiveOn, decision: decided, sanction: sanction as Sanction, closureGround: null, decidedOn: effectiveOn };
  }
  refuseGiven({ sanction });
  if (!given(closureGround)) throw missing('closureGround', to);
  return { stage: to, stageSince: effectiveOn, decision: decided, sanction: null, closureGround: closureGround as ClosureGround, decidedOn: effectiveOn };
}

/** Records that the Jury's decision was appealed to the Supreme Judicial Council. */
export function fileAppeal(current: ProceedingState, filedOn: string, today: IsoDate): ProceedingChanges {
  if (current.stage !== ProceedingStage.Decided || current.decidedOn === null) {
    throw new DisciplineError(DisciplineErrorCode.AppealNotAllowed, ErrorKind.Conflict, 'appeal before decision', [
      disciplineProblem('stage', DisciplineReason.MustBeDecided),
    ]);
  }
  if (current.appealFiledOn !== null) {
    throw new DisciplineError(DisciplineErrorCode.AppealAlreadyFiled, ErrorKind.Conflict, 'appeal already filed', [
      disciplineProblem('appeal', DisciplineReason.AlreadyRecorded),
    ]);
  }
  return { appealFiledOn: checkDate('filedOn', filedOn, current.decidedOn, today) };
}

/** Records how the Council disposed of the appeal. */
export function decideAppeal(current: ProceedingState, outcome: string, decidedOn: string, today: IsoDate): ProceedingChanges {
  if (!isAppealOutcome(outcome)) throw invalidValue('outcome', APPEAL_OUTCOMES);
  if (current.appealFiledOn === null) {
    throw new DisciplineError(DisciplineErrorCode.AppealNotFiled, ErrorKind.Conflict, 'no appeal filed', [
      disciplineProblem('appeal', DisciplineReason.NotRecorded),
    ]);
  }
  if (current.appealOutcome !== null) {
    throw new DisciplineError(DisciplineErrorCode.AppealAlreadyDecided, ErrorKind.Conflict, 'appeal already decided', [
      disciplineProblem('outcome', DisciplineReason.AlreadyRecorded),
    ]);
  }
  return { appealOutcome: outcome, appealDecidedOn: checkDate('decidedOn', decidedOn, current.appealFiledOn, today) };
}

function given<T>(value: T | null | undefined): value is T {
  return value !== undefined && value !== null;
}

function required(field: string): FieldProblem {
  return { field, reason: 'is required', constraint: 'isDefined' };
}

function missing(field: string, to: ProceedingStage): DisciplineError {
  return new DisciplineError(DisciplineErrorCode.FieldRequired, ErrorKind.Invalid, `${field} required for ${to}`, [required(field)], { field, to });
}

/** Fields that the change does not take must be absent, so that nothing sent is silently ignored. */
function refuseGiven(fields: Record<string, unknown>): void {
  const extra = Object.entries(fields)
    .filter(([, value]) => given(value))
    .map(([field]) => field);
  if (extra.length > 0) {
    throw new DisciplineError(
      DisciplineErrorCode.FieldNotApplicable,
      ErrorKind.Invalid,
      `${extra.join(', ')} not accepted`,
      extra.map((field) => disciplineProblem(field, DisciplineReason.NotApplicable)),
      { field: extra.join(', ') },
    );
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

function checkDate(field: string, value: unknown, notBefore: IsoDate | null, today: IsoDate): IsoDate {
  if (!isIsoDate(value)) {
    throw new DisciplineError(DisciplineErrorCode.InvalidDate, ErrorKind.Invalid, `${field}: not a date`, [
      { field, reason: 'must be an ISO 8601 date', constraint: 'isDateString' },
    ], { field });
  }
  if (notBefore !== null && value < notBefore) {
    throw new DisciplineError(
      DisciplineErrorCode.DateOutOfOrder,
      ErrorKind.Invalid,
      `${field} before ${notBefore}`,
      [disciplineProblem(field, DisciplineReason.NotBefore, { min: notBefore })],
      { field, date: value, min: notBefore },
    );
  }
  if (value > today) {
    throw new DisciplineError(
      DisciplineErrorCode.DateInFuture,
      ErrorKind.Invalid,
      `${field} in the future`,
      [disciplineProblem(field, DisciplineReason.NotInFuture, { max: today })],
      { field, date: value },
    );
  }
  return value;
}
