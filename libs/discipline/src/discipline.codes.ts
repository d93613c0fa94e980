/**
 * The fixed code lists of disciplinary proceedings (PRODUCT.md 3 "Discipline"). Stored as
 * text with CHECK constraints; the same lists drive DTO validation and the state machine.
 * Labels in kk/ru/en are in discipline.labels.ts.
 */

/** Where a proceeding comes from. */
export enum ProceedingSource {
  PresidentSubmission = 'president-submission',
  PlenaryDecision = 'plenary-decision',
  Inspection = 'inspection',
  MediaReport = 'media-report',
  Complaint = 'complaint',
  EthicsCommission = 'ethics-commission',
}

/** Grounds of disciplinary liability. A proceeding rests on one or more. */
export enum LiabilityGround {
  LawOrEthicsBreach = 'law-or-ethics-breach',
  GrossViolationOfLegality = 'gross-violation-of-legality',
  ImproperPresidentDuties = 'improper-president-duties',
}

/** Stages, in order. `decided` is final: either a sanction or the closure of the proceedings. */
export enum ProceedingStage {
  Initiated = 'initiated',
  Referred = 'referred',
  PreliminaryExamination = 'preliminary-examination',
  Hearing = 'hearing',
  Decided = 'decided',
}

/** What the Jury decided when the proceeding reached `decided`. */
export enum ProceedingDecision {
  SanctionImposed = 'sanction-imposed',
  ProceedingsClosed = 'proceedings-closed',
}

/** Disciplinary sanctions (Art. 40), mildest first. */
export enum Sanction {
  Warning = 'warning',
  Reprimand = 'reprimand',
  RemovalFromPresidency = 'removal-from-presidency',
  Dismissal = 'dismissal',
}

/** Why proceedings were closed without a sanction. */
export enum ClosureGround {
  InsufficientEvidence = 'insufficient-evidence',
  TimeLimitExpired = 'time-limit-expired',
  MinorOffence = 'minor-offence',
  JudgeLeftOffice = 'judge-left-office',
  UnderlyingActSetAside = 'underlying-act-set-aside',
}

/** How the Supreme Judicial Council disposed of an appeal against the Jury's decision. */
export enum AppealOutcome {
  Upheld = 'upheld',
  SetAside = 'set-aside',
  Withdrawn = 'withdrawn',
}

/**
 * The 20 territorial units (17 regions and 3 cities). Kept here on purpose: discipline may
 * not read the evaluation register, so the Jury enters these snapshot codes itself.
 */
export const REGION_CODES = [
  'abai',
  'akmola',
  'aktobe',
  'almaty-region',
  'atyrau',
  'east-kz',
  'jambyl',
  'jetisu',
  'karaganda',
  'kostanay',
  'kyzylorda',
  'mangystau',
  'north-kz',
  'pavlodar',
  'turkistan',
  'ulytau',
  'west-kz',
  'astana',
  'almaty',
  'shymkent',
] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export const COURT_LEVELS = ['district', 'regional', 'supreme'] as const;
export type CourtLevel = (typeof COURT_LEVELS)[number];

export const PROCEEDING_SOURCES = Object.values(ProceedingSource);
export const LIABILITY_GROUNDS = Object.values(LiabilityGround);
export const PROCEEDING_STAGES = Object.values(ProceedingStage);
export const PROCEEDING_DECISIONS = Object.values(ProceedingDecision);
export const SANCTIONS = Object.values(Sanction);
export const CLOSURE_GROUNDS = Object.values(ClosureGround);
export const APPEAL_OUTCOMES = Object.values(AppealOutcome);

function member<T extends string>(list: readonly T[]) {
  return (value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);
}

export const isProceedingSource = member(PROCEEDING_SOURCES);
export const isLiabilityGround = member(LIABILITY_GROUNDS);
export const isProceedingStage = member(PROCEEDING_STAGES);
export const isProceedingDecision = member(PROCEEDING_DECISIONS);
export const isSanction = member(SANCTIONS);
export const isClosureGround = member(CLOSURE_GROUNDS);
export const isAppealOutcome = member(APPEAL_OUTCOMES);
export const isRegionCode = member(REGION_CODES);
export const isCourtLevel = member(COURT_LEVELS);

/** `'a', 'b'` for a CHECK constraint. */
export function sqlList(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(', ');
}
