import judgesSurvey from './builtin/judges-survey.json';
import peerReview from './builtin/peer-review.json';
import staffSurvey from './builtin/staff-survey.json';
import { InstrumentKind } from './instrument-kind';

export interface BuiltinInstrument {
  code: string;
  kind: InstrumentKind;
  /** SurveyJS form JSON; its `title` names the instrument. */
  definition: Record<string, unknown>;
}

/**
 * The three questionnaires the platform starts with (PRODUCT.md 4.2), seeded as version 1
 * by `seed:instruments`. The Commission and HR edit them through new versions.
 */
export const BUILTIN_INSTRUMENTS: readonly BuiltinInstrument[] = [
  { code: 'judges-evaluation-survey', kind: InstrumentKind.JudgesSurvey, definition: judgesSurvey },
  { code: 'staff-hr-survey', kind: InstrumentKind.StaffSurvey, definition: staffSurvey },
  { code: 'peer-review', kind: InstrumentKind.PeerReview, definition: peerReview },
];
