import { Role } from '@app/auth';

/** The three kinds of campaign an instrument serves (PRODUCT.md 4.3). */
export enum InstrumentKind {
  JudgesSurvey = 'judges-survey',
  StaffSurvey = 'staff-survey',
  PeerReview = 'peer-review',
}

export const INSTRUMENT_KINDS = Object.values(InstrumentKind) as [InstrumentKind, ...InstrumentKind[]];

/**
 * Who may publish new versions of each kind: the Commission designs the judges' survey and
 * the peer-review form, HR of the Court Administration the staff survey (PRODUCT.md 2).
 */
export const INSTRUMENT_EDITORS: Record<InstrumentKind, readonly Role[]> = {
  [InstrumentKind.JudgesSurvey]: [Role.Commission],
  [InstrumentKind.PeerReview]: [Role.Commission],
  [InstrumentKind.StaffSurvey]: [Role.Hr],
};
