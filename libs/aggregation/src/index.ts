// The pure core of the protected aggregation: statistics, the table catalogue, primary and
// complementary suppression, the LP audit gate and the peer-review rules. No Nest, no
// database, no queue: the job service wires these functions. See docs/disclosure-control.md.
export { AggregationError, AggregationErrorCode } from './aggregation.errors';

export { OUTPUT_DECIMALS, roundOutput } from './core/rounding';

export type { DimensionScore, DimensionStatistics, Interval, ItemStatistics, LikertScale, Moments, ScalePointCount } from './core/statistics';
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
export { protectDimension, protectLinkedTables, protectQuestion, protectRespondentCounts, SuppressionReason } from './core/complementary';

export type { PublishedCell, ResponseRate } from './core/publication';
export { dimensionGapEntries, dimensionTable, gapEntries, questionGapEntries, questionTable, responseRateTable, SUPPRESSION_MARKER } from './core/publication';

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
