import { Highs } from 'highs';
import { AggregationError, AggregationErrorCode } from '../aggregation.errors';
import { assertAuditPassed, AuditedValue, AuditLayer, AuditReport, loadAuditSolver, PatternAuditor } from './audit';
import { Catalogue } from './catalogue';
import { cellKeyOrder, LinkedTables, Microcell, PreparedProblem, prepareProblem, ProtectionProblem } from './linked-tables';
import { dimensionScorePoint, DimensionScore, LikertScale, assertScale, scoreCount } from './statistics';
import { countCellReasons, isGroupDisclosure, PrimaryReason, statisticsCellReasons, statisticsSizeReasons, Thresholds, validateThresholds } from './suppression';

/**
 * Complementary suppression across linked tables, closed by the LP audit
 * (ANONYMITY.md C; docs/disclosure-control.md, "Complementary suppression").
 *
 * 1. Start from the primary cells and every cell an earlier release suppressed.
 * 2. Structural pass: in every equation `parent = Σ children` (a row or column of a table
 *    with its margin, or a table with its national total), a suppressed cell must not be
 *    alone, or it is the published parent minus the published children. While an equation
 *    holds exactly one suppressed cell, suppress the best other member (see `score`).
 * 3. Audit every primary cell with the LP (audit.ts). For each failing one, suppress the best
 *    published cell that shares an equation with it (nearest published cells through
 *    suppressed ones if none does), repeat step 2, and re-audit the failing cells only: more
 *    suppression only widens intervals, so a cell that passed keeps passing.
 * 4. Finish with a full audit of the final pattern; anything but a pass throws
 *    `aggregation.audit-failed`. Every choice breaks ties by cell key, so a re-run gives the
 *    same pattern.
 */

export enum SuppressionReason {
  Primary = 'primary',
  /** Suppressed by an earlier release, or by the release this one is linked to (the respondent counts). */
  Inherited = 'inherited',
  Complementary = 'complementary',
}

export interface SuppressedCell {
  readonly key: string;
  readonly reason: SuppressionReason;
}

export interface ProtectionResult {
  /** Every suppressed cell, in key order. Every other catalogue cell is published. */
  readonly suppressed: readonly SuppressedCell[];
  /**
   * The audit behind this pattern (always passed: otherwise the call throws). Each value was
   * proven under the pattern of its round; the returned pattern suppresses at least as much,
   * so its intervals can only be wider. `auditLinkedTables` gives exact intervals of the final
   * pattern.
   */
  readonly audit: AuditReport;
  /** Rounds of the audit loop. */
  readonly rounds: number;
}

export interface ProtectionOptions {
  /** A loaded HiGHS instance; default {@link loadAuditSolver}. */
  readonly solver?: Highs;
  /** Fail closed after this many rounds (default: number of cells + 1, which can never be needed). */
  readonly maxRounds?: number;
}

class PatternSearch {
  readonly suppressed = new Set<number>();
  private readonly tables: LinkedTables;
  private readonly order: (a: number, b: number) => number;

  constructor(private readonly problem: PreparedProblem) {
    this.tables = problem.tables;
    this.order = cellKeyOrder(problem.tables);
    for (const cell of [...problem.primary, ...problem.keep, ...problem.auditTotals]) this.suppressed.add(cell);
  }

  private suppressedIn(equation: number): number[] {
    const { parent, children } = this.tables.equations[equation];
    return [parent, ...children].filter((c) => this.suppressed.has(c));
  }

  /** Equations holding exactly one suppressed cell, which arithmetic would expose. */
  private lonely(equation: number): boolean {
    return this.suppressedIn(equation).length === 1;
  }

  /**
   * How many units `anchor` can move, either way, if `candidate` absorbs the difference:
   * siblings move in opposite directions, a parent and its child in the same one.
   */
  private capacity(anchor: number, candidate: number): number {
    const a = this.tables.cells[anchor];
    const d = this.tables.cells[candidate];
    const shared = this.tables.equationsOf[anchor].find((e) => this.tables.equationsOf[candidate].includes(e));
    if (shared === undefined) return 0;
    const equation = this.tables.equations[shared];
    const sameSide = (equation.parent === anchor) === (equation.parent === candidate);
    return sameSide
      ? Math.min(a.population - a.total, d.total) + Math.min(a.total, d.population - d.total)
      : Math.min(a.population - a.total, d.population - d.total) + Math.min(a.total, d.total);
  }

  /**
   * The preference order of complementary cells for `anchor`: the same table first (rows and
   * columns before margins), non-zero cells, cells that also repair other lone suppressions
   * (closing rectangles, the hypercube idea), cells that can absorb a threshold-sized change,
   * then the smallest count, then the key.
   */
  private best(anchor: number, candidates: readonly number[], exceptEquation: number | null): number | null {
    const a = this.tables.cells[anchor];
    const need = Math.min(this.problem.threshold, a.population);
    const scored = [...new Set(candidates)]
      .filter((c) => !this.suppressed.has(c))
      .map((c) => {
        const d = this.tables.cells[c];
        const repairs = this.tables.equationsOf[c].filter((e) => e !== exceptEquation && this.lonely(e)).length;
        return {
          c,
          score: [d.tableId === a.tableId ? 0 : 1, d.total > 0 ? 0 : 1, -repairs, this.capacity(anchor, c) >= need ? 0 : 1, d.total],
        };
      });
    scored.sort((x, y) => {
      for (let i = 0; i < x.score.length; i += 1) if (x.score[i] !== y.score[i]) return x.score[i] - y.score[i];
      return this.order(x.c, y.c);
    });
    return scored.length > 0 ? scored[0].c : null;
  }

  /** Step 2: until no equation holds exactly one suppressed cell. */
  closeStructurally(): void {
    let changed = true;
    while (changed) {
      changed = false;
      this.tables.equations.forEach((equation, e) => {
        const inside = this.suppressedIn(e);
        if (inside.length !== 1) return;
        const choice = this.best(inside[0], [equation.parent, ...equation.children], e);
        if (choice === null) return;
        this.suppressed.add(choice);
        changed = true;
      });
    }
  }

  private neighbours(cell: number): number[] {
    return this.tables.equationsOf[cell].flatMap((e) => [this.tables.equations[e].parent, ...this.tables.equations[e].children]).filter((c) => c !== cell);
  }

  /** Step 3: one more cell for a primary cell the audit found exposed. */
  complementFor(cell: number): number | null {
    const direct = this.best(cell, this.neighbours(cell), null);
    if (direct !== null) return direct;
    // Every neighbour is suppressed: walk through suppressed cells to the nearest published ones.
    const seen = new Set([cell]);
    let frontier = [cell];
    while (frontier.length > 0) {
      const next: number[] = [];
      const published: number[] = [];
      for (const c of frontier) {
        for (const n of this.neighbours(c)) {
          if (seen.has(n)) continue;
          seen.add(n);
          if (this.suppressed.has(n)) next.push(n);
          else published.push(n);
        }
      }
      if (published.length > 0) return this.best(cell, published, null);
      frontier = next;
    }
    return null;
  }

  sharesEquation(a: number, b: number): boolean {
    return this.tables.equationsOf[a].some((e) => this.tables.equationsOf[b].includes(e));
  }

  result(audit: AuditReport, rounds: number): ProtectionResult {
    const primary = new Set(this.problem.primary);
    const keep = new Set(this.problem.keep);
    const suppressed = [...this.suppressed].sort(this.order).map((c) => ({
      key: this.tables.cells[c].key,
      reason: primary.has(c) ? SuppressionReason.Primary : keep.has(c) ? SuppressionReason.Inherited : SuppressionReason.Complementary,
    }));
    return { suppressed, audit, rounds };
  }
}

function failClosed(reason: string): AggregationError {
  return new AggregationError(AggregationErrorCode.AuditFailed, `no audited pattern: ${reason}`, { key: '' });
}

/**
 * Chooses the complementary cells of a release and returns the audited pattern, or throws
 * `aggregation.audit-failed` (never an unaudited pattern).
 */
export async function protectLinkedTables(problem: ProtectionProblem, options: ProtectionOptions = {}): Promise<ProtectionResult> {
  const prepared = prepareProblem(problem);
  const search = new PatternSearch(prepared);
  const auditor = new PatternAuditor(options.solver ?? (await loadAuditSolver()), prepared);
  const maxRounds = options.maxRounds ?? prepared.tables.cells.length + 1;
  try {
    search.closeStructurally();
    // Passed targets, by cell and layer: suppressing more only widens intervals, so they stay passed.
    const passed = new Map<string, AuditedValue>();
    let rounds = 0;
    for (;;) {
      rounds += 1;
      auditor.setPattern(search.suppressed);
      const open = prepared.audited.flatMap((cell) =>
        auditor
          .targets(cell)
          .filter((layer) => (passed.get(`${cell}:${layer}`)?.width ?? -1) < auditor.requiredBeforeLp(cell, layer))
          .map((layer) => ({ cell, layer })),
      );
      if (open.length > 2) auditor.sweep(open);
      const failing: number[] = [];
      for (const cell of prepared.audited) {
        // A target stays passed while its width still meets the cap-based requirement (caps only rise).
        const skip = (layer: AuditLayer) => (passed.get(`${cell}:${layer}`)?.width ?? -1) >= auditor.requiredBeforeLp(cell, layer);
        const results = auditor.checkCell(cell, { stopEarly: true, exact: false, skip });
        for (const result of results) if (result.passed) passed.set(`${cell}:${result.layer}`, result);
        if (results.some((r) => !r.passed)) failing.push(cell);
      }
      if (failing.length === 0) break;
      if (rounds >= maxRounds) throw failClosed(`still exposed after ${rounds} rounds`);
      const before = search.suppressed.size;
      const added: number[] = [];
      for (const cell of failing) {
        if (added.some((a) => search.sharesEquation(a, cell))) continue;
        const choice = search.complementFor(cell);
        if (choice === null) continue;
        search.suppressed.add(choice);
        added.push(choice);
      }
      search.closeStructurally();
      // No progress means nothing is left to suppress near the exposed cells: fail closed.
      if (search.suppressed.size === before) throw failClosed('nothing left to suppress');
    }
    const values = prepared.audited.flatMap((cell) =>
      auditor.targets(cell).map((layer) => {
        const value = passed.get(`${cell}:${layer}`);
        const now = auditor.requiredBeforeLp(cell, layer);
        // Either the width meets the requirement before any public-width relief, or the value was proven with that relief.
        return value && { ...value, required: value.width >= now ? now : Math.min(value.required, now) };
      }),
    );
    if (values.some((v) => v === undefined || v.width < v.required)) throw failClosed('an audit target was not checked');
    const audit: AuditReport = { passed: true, threshold: prepared.threshold, values: values as AuditedValue[], solves: auditor.solves };
    assertAuditPassed(audit);
    return search.result(audit, rounds);
  } finally {
    auditor.dispose();
  }
}

// ---- Releases of the platform -----------------------------------------------------------

export interface ReleaseResult extends ProtectionResult {
  /** The primary reasons of every primary cell, by key. */
  readonly primaryReasons: Readonly<Record<string, readonly PrimaryReason[]>>;
}

function withReasons(result: ProtectionResult, reasons: Map<string, PrimaryReason[]>): ReleaseResult {
  return { ...result, primaryReasons: Object.fromEntries([...reasons].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

/** Respondents of one microcell of the cross-classification, with its register population. */
export interface RespondentMicrocell {
  readonly cell: Readonly<Record<string, string>>;
  readonly respondents: number;
  readonly population: number;
}

export interface CountReleaseInput {
  readonly catalogue: Catalogue;
  readonly microcells: readonly RespondentMicrocell[];
  readonly thresholds: Thresholds;
  /** Keys suppressed by an earlier release of this campaign's respondent counts. */
  readonly keepSuppressed?: Iterable<string>;
  /** Apply the participation rule (default true). Off for counts of reviews, which are not people. */
  readonly participation?: boolean;
}

/**
 * The respondent-count release: counts per catalogue cell, which with the public register
 * populations are also the response rates (the response-rate table is its region × gender
 * part). Primary: 0 < n < count threshold, or participation disclosure (see
 * {@link countCellReasons}). Its pattern is the floor of every statistics release.
 */
export async function protectRespondentCounts(input: CountReleaseInput, options: ProtectionOptions = {}): Promise<ReleaseResult> {
  const thresholds = validateThresholds(input.thresholds);
  const microcells: Microcell[] = input.microcells.map((m) => ({ cell: m.cell, population: m.population, values: [m.respondents] }));
  const { tables } = prepareProblem({ catalogue: input.catalogue, microcells, primary: [], threshold: thresholds.count });
  const reasons = new Map<string, PrimaryReason[]>();
  for (const cell of tables.cells) {
    const found = countCellReasons(cell.total, thresholds, input.participation === false ? undefined : cell.population);
    if (found.length > 0) reasons.set(cell.key, found);
  }
  const result = await protectLinkedTables(
    { catalogue: input.catalogue, microcells, primary: reasons.keys(), keepSuppressed: input.keepSuppressed, threshold: thresholds.count },
    options,
  );
  return withReasons(result, reasons);
}

/** One microcell's answers to one question: counts per scale point and respondents who skipped it. */
export interface QuestionMicrocell {
  readonly cell: Readonly<Record<string, string>>;
  readonly population: number;
  /** Counts per scale point, index 0 = `scale.min`. */
  readonly distribution: readonly number[];
  /** Respondents of this microcell who did not answer the question (distribution + noAnswer = respondents). */
  readonly noAnswer: number;
}

/** What every statistics release is protected against: the catalogue, thresholds, the linked count release and earlier releases. */
interface LinkedReleaseInput {
  readonly catalogue: Catalogue;
  readonly thresholds: Thresholds;
  /**
   * The audited pattern of the respondent-count release. Its suppressed cells stay suppressed,
   * its published counts are known totals, and its primary cells' totals are audited again.
   */
  readonly countRelease: { readonly suppressed: readonly SuppressedCell[] };
  /** Keys that must stay suppressed: earlier releases of this question (for a dimension, also its items' patterns). */
  readonly keepSuppressed?: Iterable<string>;
}

export interface StatisticsReleaseInput<M> extends LinkedReleaseInput {
  readonly microcells: readonly M[];
  readonly scale: LikertScale;
}

/**
 * The release of one question's statistics. A cell's block (n, mean, sd, median,
 * distribution, top-2 share, CIs) is published or suppressed whole. Layers: one per scale
 * point, plus "no answer". Linked to the respondent counts: cells suppressed there stay
 * suppressed, and the published counts are known totals. Primary: {@link statisticsCellReasons}.
 * Every scale point of every primary cell is audited.
 */
export async function protectQuestion(input: StatisticsReleaseInput<QuestionMicrocell>, options: ProtectionOptions = {}): Promise<ReleaseResult> {
  assertScale(input.scale);
  const points = input.scale.max - input.scale.min + 1;
  const microcells: Microcell[] = input.microcells.map((m) => {
    if (m.distribution.length !== points) {
      throw new AggregationError(AggregationErrorCode.InconsistentInput, 'a distribution must hold one count per scale point', { reason: 'distribution length' });
    }
    return { cell: m.cell, population: m.population, values: [...m.distribution, m.noAnswer] };
  });
  const thresholds = validateThresholds(input.thresholds);
  return protectStatistics(input, microcells, points, (values) => statisticsCellReasons(values.slice(0, points), thresholds), options);
}

/** One microcell's dimension scores (unordered) and the respondents without a score. */
export interface DimensionMicrocell {
  readonly cell: Readonly<Record<string, string>>;
  readonly population: number;
  readonly scores: readonly DimensionScore[];
  readonly noScore: number;
}

function exactKey(score: DimensionScore): string {
  let [a, b] = [Math.abs(score.sum), score.answered];
  while (b !== 0) [a, b] = [b, a % b];
  const g = a === 0 ? 1 : a;
  return `${score.sum / g}/${score.answered / g}`;
}

/**
 * The release of one dimension's statistics. Primary: n below the thresholds, or group
 * disclosure on the exact scores. Layers for the audit: scores counted under their nearest
 * scale point ({@link dimensionScorePoint}), plus "no score". For a one-item dimension, pass
 * the item's pattern in `keepSuppressed`.
 */
export async function protectDimension(input: StatisticsReleaseInput<DimensionMicrocell>, options: ProtectionOptions = {}): Promise<ReleaseResult> {
  assertScale(input.scale);
  const thresholds = validateThresholds(input.thresholds);
  const points = input.scale.max - input.scale.min + 1;
  const microcells: Microcell[] = input.microcells.map((m) => {
    const values = new Array<number>(points + 1).fill(0);
    for (const score of m.scores) values[dimensionScorePoint(score, input.scale) - input.scale.min] += scoreCount(score);
    values[points] = m.noScore;
    return { cell: m.cell, population: m.population, values };
  });
  const exact = (assignment: Readonly<Record<string, string>>): number[] => {
    const histogram = new Map<string, number>();
    for (const m of input.microcells) {
      if (!Object.entries(assignment).every(([name, code]) => m.cell[name] === code)) continue;
      for (const score of m.scores) {
        const key = exactKey(score);
        histogram.set(key, (histogram.get(key) ?? 0) + scoreCount(score));
      }
    }
    return [...histogram.values()];
  };
  return protectStatistics(
    input,
    microcells,
    points,
    (values, assignment) => {
      // Sizes from the counts, group disclosure from the exact scores.
      const reasons = statisticsSizeReasons(
        values.slice(0, points).reduce((a, b) => a + b, 0),
        thresholds,
      );
      if (isGroupDisclosure(exact(assignment))) reasons.push(PrimaryReason.GroupDisclosure);
      return reasons;
    },
    options,
  );
}

async function protectStatistics(
  input: LinkedReleaseInput,
  microcells: Microcell[],
  points: number,
  classify: (values: readonly number[], assignment: Readonly<Record<string, string>>) => PrimaryReason[],
  options: ProtectionOptions,
): Promise<ReleaseResult> {
  const thresholds = validateThresholds(input.thresholds);
  const countSuppressed = new Set(input.countRelease.suppressed.map((s) => s.key));
  const countPrimary = input.countRelease.suppressed.filter((s) => s.reason === SuppressionReason.Primary).map((s) => s.key);
  const { tables } = prepareProblem({ catalogue: input.catalogue, microcells, primary: [], threshold: thresholds.count });
  const reasons = new Map<string, PrimaryReason[]>();
  const knownTotals: Record<string, number> = {};
  for (const cell of tables.cells) {
    const found = classify(cell.values, cell.assignment);
    if (found.length > 0) reasons.set(cell.key, found);
    if (!countSuppressed.has(cell.key)) knownTotals[cell.key] = cell.total;
  }
  const result = await protectLinkedTables(
    {
      catalogue: input.catalogue,
      microcells,
      primary: reasons.keys(),
      keepSuppressed: [...countSuppressed, ...(input.keepSuppressed ?? [])],
      threshold: thresholds.count,
      auditLayers: Array.from({ length: points }, (_, l) => l),
      auditZeroLayers: false,
      knownTotals,
      auditTotals: countPrimary,
    },
    options,
  );
  return withReasons(result, reasons);
}

/** One microcell's answers to a choice question. */
export interface ChoiceMicrocell {
  readonly cell: Readonly<Record<string, string>>;
  readonly population: number;
  /** Respondents of this microcell who answered the question (answered + noAnswer = respondents). */
  readonly answered: number;
  readonly noAnswer: number;
  /** Per option, in the question's order, how many chose it: for a single choice these add up to `answered`. */
  readonly chosen: readonly number[];
}

export interface ChoiceReleaseInput extends LinkedReleaseInput {
  readonly microcells: readonly ChoiceMicrocell[];
}

/**
 * The release of a single-choice (or yes/no) question: exactly a question whose scale points
 * are its options (layers: one per option, plus "no answer"), published or suppressed whole.
 * Primary: {@link statisticsCellReasons} (shares follow the threshold of percentages).
 */
export async function protectSingleChoice(input: ChoiceReleaseInput, options: ProtectionOptions = {}): Promise<ReleaseResult> {
  const thresholds = validateThresholds(input.thresholds);
  const points = input.microcells[0]?.chosen.length ?? 0;
  const microcells: Microcell[] = input.microcells.map((m) => {
    if (m.chosen.length !== points || m.chosen.reduce((a, b) => a + b, 0) !== m.answered) {
      throw new AggregationError(AggregationErrorCode.InconsistentInput, 'a single choice needs one count per option, adding up to the answers', { reason: 'single-choice counts' });
    }
    return { cell: m.cell, population: m.population, values: [...m.chosen, m.noAnswer] };
  });
  return protectStatistics(input, microcells, points, (values) => statisticsCellReasons(values.slice(0, points), thresholds), options);
}
