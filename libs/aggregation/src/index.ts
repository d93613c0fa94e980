// The protected aggregation. `core/` and `snapshot/` are pure: statistics, the table catalogue,
// primary and complementary suppression, the LP audit gate, the peer-review rules and the
// snapshot builders. The job service (worker) and the results service (API) wire them to the
// response reader and the snapshot table. See docs/disclosure-control.md and docs/results.md.
export { AggregationError, AggregationErrorCode } from './aggregation.errors';

export { OUTPUT_DECIMALS, roundOutput } from './core/rounding';

export type { ChoiceOptionStatistics, ChoiceStatistics, DimensionScore, DimensionStatistics, Interval, ItemStatistics, LikertScale, Moments, ScalePointCount } from './core/statistics';
export {
  addCounts,
  assertScale,
  describeDimension,
  describeLikert,
  dimensionMoments,
  dimensionScore,
  dimensionScorePoint,
  likertCounts,
  likertMoments,
  reverseScore,
  wilsonInterval,
  Z_975,
} from './core/statistics';

export type { GapFamilyEntry, GapGroup, GenderGap } from './core/gender-gap';
export { benjaminiHochberg, genderGap, genderGapFamily } from './core/gender-gap';

export type { BreakdownVariable, Catalogue, CatalogueCell, CatalogueTable, ResolvedRequest, TableRequest } from './core/catalogue';
export {
  assertCatalogue,
  Breakdown,
  buildCatalogue,
  catalogueCells,
  cellKeyOf,
  NATIONAL,
  resolveTableRequest,
  tableCells,
  tableIdOf,
  validateCampaignCatalogue,
} from './core/catalogue';

export type { Thresholds } from './core/suppression';
export {
  countCellReasons,
  DEFAULT_THRESHOLDS,
  freeTextPublishable,
  isGroupDisclosure,
  PrimaryReason,
  statisticsCellReasons,
  statisticsSizeReasons,
  THRESHOLD_FLOORS,
  validateThresholds,
} from './core/suppression';

export type { Microcell, ProtectionProblem } from './core/linked-tables';

export type { AuditedValue, AuditLayer, AuditReport } from './core/audit';
export { assertAuditPassed, auditLinkedTables, loadAuditSolver } from './core/audit';

export type {
  ChoiceMicrocell,
  ChoiceReleaseInput,
  CountReleaseInput,
  DimensionMicrocell,
  ProtectionOptions,
  ProtectionResult,
  QuestionMicrocell,
  ReleaseResult,
  RespondentMicrocell,
  StatisticsReleaseInput,
  SuppressedCell,
} from './core/complementary';
export { protectDimension, protectLinkedTables, protectQuestion, protectRespondentCounts, protectSingleChoice, SuppressionReason } from './core/complementary';
export type { MultipleChoiceInput, MultipleChoiceRelease } from './core/multiple-choice';
export { genderMicrocells, protectMultipleChoice } from './core/multiple-choice';

export type { PublishedCell, ResponseRate } from './core/publication';
export { choiceTable, dimensionGapEntries, dimensionTable, gapEntries, questionGapEntries, questionTable, responseRateTable, SUPPRESSION_MARKER } from './core/publication';

export type { CompetencyResult, PeerReviewJudge, PeerReviewResult, RaterDiagnosticCell, RaterDiagnosticRelease } from './core/peer-review';
export {
  JUDGE_GENDER,
  peerDistributionSafe,
  peerMeanSafe,
  peerReviewResults,
  PeerWithholding,
  protectRaterDiagnostic,
  RATER_GENDER,
  raterDiagnosticCatalogue,
} from './core/peer-review';

export type { ChoiceKind, PublishedGap, ReleaseSuppressions, SnapshotProgress, SurveyChoiceQuestion, SurveyQuestion, SurveySnapshot, SurveySnapshotInput } from './snapshot/survey-snapshot';
export { buildSurveySnapshot, choiceReleaseId, dimensionsOf, GAP_ALPHA, isChoiceKind, upgradeSurveySnapshot, SURVEY_SNAPSHOT_FORMAT } from './snapshot/survey-snapshot';
export type { StoredAttributes, SurveyGroups, SurveyMicrocells } from './snapshot/survey-input';
export { isHiddenCell, surveyCatalogue, surveyMicrocells, UNDISCLOSED } from './snapshot/survey-input';
export type { DiagnosticSuppressions, PeerReviewSnapshot, PeerReviewSnapshotInput, RaterDiagnostic } from './snapshot/peer-review-snapshot';
export { buildPeerReviewSnapshot, PEER_REVIEW_SNAPSHOT_FORMAT } from './snapshot/peer-review-snapshot';

export { AGGREGATION_ENTITIES, AggregationModule } from './aggregation.module';
export { AggregationService } from './aggregation.service';
export type { ResultsDocument, ResultsStatus } from './results.service';
export { ResultsService } from './results.service';
export { SnapshotEntity } from './entities/snapshot.entity';
export type { SnapshotHeader, StoredSnapshot } from './snapshot.repository';
