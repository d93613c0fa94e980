import loadHighs, { Highs, Model } from 'highs';
import { AggregationError, AggregationErrorCode } from '../aggregation.errors';
import { contains, LinkedTables, PreparedProblem, prepareProblem, ProtectionProblem } from './linked-tables';

/**
 * The release gate: a linear-programming audit of a suppression pattern
 * (ANONYMITY.md C "Audit"; docs/disclosure-control.md, "Audit model").
 *
 * Unknowns: x[m, l] ≥ 0, the count of layer l in microcell m (integrality relaxed).
 * The attacker knows (public knowledge plus everything published):
 *   - x[m, l] ≤ population(m), and Σ_l x[m, l] ≤ population(m) when there are several layers;
 *   - Σ_{m ∈ c} x[m, l] = value(c, l) for every published cell c and every layer l;
 *   - Σ_{m ∈ c} Σ_l x[m, l] = total(c) for every total another release publishes.
 * For every primary cell c and audited layer l the LP minimises and maximises
 * Σ_{m ∈ c} x[m, l]. Rounded inwards to integers ([⌈min⌉, ⌊max⌋], since true counts are
 * integers), the interval must be at least `required = min(threshold, public width)` wide,
 * where the public width is the same interval from public knowledge alone (no cell
 * published): a cell whose population is below the threshold cannot get a wider interval than
 * its population gives, and must not get a narrower one.
 *
 * Exempt: a layer of a primary cell that a published zero already implies (a published cell
 * containing it shows 0 in that layer). Zero cells are not sensitive; a layer that is zero in
 * every microcell is left out of the model for the same reason.
 */

/** One audited value: the interval an attacker can prove for a primary cell's count in one layer. */
export interface AuditedValue {
  readonly key: string;
  readonly layer: number;
  readonly lower: number;
  readonly upper: number;
  readonly required: number;
  readonly passed: boolean;
}

/**
 * The audit of one pattern. It holds no true value: every interval is computable by anyone
 * from the published cells and public knowledge, so the report may be kept with the snapshot.
 */
export interface AuditReport {
  readonly passed: boolean;
  readonly threshold: number;
  readonly values: readonly AuditedValue[];
  /** LPs solved for this report. */
  readonly solves: number;
}

let solver: Promise<Highs> | null = null;

/** Loads HiGHS (WebAssembly) once per process. */
export function loadAuditSolver(): Promise<Highs> {
  solver ??= loadHighs();
  return solver;
}

const EPSILON = 1e-6;

/**
 * One LP model for a linked-tables release. Rows exist for every cell and layer; a suppressed
 * cell's rows are free, a published cell's rows are equalities. Changing the pattern only
 * changes row bounds, so the solver warm-starts from its last basis.
 */
export class AuditLp {
  private readonly model: Model | null;
  private readonly layers: readonly number[];
  private readonly columns: number;
  solves = 0;

  constructor(
    private readonly highs: Highs,
    private readonly tables: LinkedTables,
    knownTotals: ReadonlyMap<number, number>,
  ) {
    // Layers that are zero everywhere are left out: every published margin shows them as zero.
    this.layers = Array.from({ length: tables.layers }, (_, l) => l).filter((l) => tables.microcells.some((m) => m.values[l] > 0));
    const width = this.layers.length;
    const micro = tables.microcells;
    this.columns = micro.length * width;
    const starts = [0];
    const indices: number[] = [];
    const lower: number[] = [];
    const upper: number[] = [];
    for (const cell of tables.cells) {
      for (let li = 0; li < width; li += 1) {
        for (const m of cell.members) indices.push(m * width + li);
        starts.push(indices.length);
        lower.push(-highs.infinity);
        upper.push(highs.infinity);
      }
    }
    for (const [cell, total] of knownTotals) {
      for (const m of tables.cells[cell].members) for (let li = 0; li < width; li += 1) indices.push(m * width + li);
      starts.push(indices.length);
      lower.push(total);
      upper.push(total);
    }
    if (width > 1) {
      micro.forEach((m, i) => {
        for (let li = 0; li < width; li += 1) indices.push(i * width + li);
        starts.push(indices.length);
        lower.push(-highs.infinity);
        upper.push(m.population);
      });
    }
    const numRows = lower.length;
    if (this.columns === 0 || numRows === 0) {
      this.model = null;
      return;
    }
    const colUpper = new Float64Array(this.columns);
    micro.forEach((m, i) => colUpper.fill(m.population, i * width, (i + 1) * width));
    this.model = highs.createModel({
      numCols: this.columns,
      numRows,
      colCost: new Float64Array(this.columns),
      colLower: new Float64Array(this.columns),
      colUpper,
      rowLower: lower,
      rowUpper: upper,
      matrix: { format: 'csr', numRows, numCols: this.columns, starts, indices, values: new Float64Array(indices.length).fill(1) },
    });
    this.model.options.set({ output_flag: false, presolve: 'off', solver: 'simplex' });
  }

  /** Whether a layer takes part in the model (it is non-zero somewhere). */
  hasLayer(layer: number): boolean {
    return this.layers.includes(layer);
  }

  /** Publishes every cell not in `suppressed`. */
  setPattern(suppressed: ReadonlySet<number>): void {
    const width = this.layers.length;
    const rows = this.tables.cells.length * width;
    if (rows === 0 || !this.model) return;
    const lower = new Float64Array(rows);
    const upper = new Float64Array(rows);
    this.tables.cells.forEach((cell, i) => {
      this.layers.forEach((layer, li) => {
        const published = !suppressed.has(i);
        lower[i * width + li] = published ? cell.values[layer] : -this.highs.infinity;
        upper[i * width + li] = published ? cell.values[layer] : this.highs.infinity;
      });
    });
    this.model.changeRowsBounds({ kind: 'range', from: 0, to: rows - 1 }, lower, upper);
  }

  /** The integer interval [⌈min⌉, ⌊max⌋] of a cell's count in one layer. */
  interval(cell: number, layer: number): { lower: number; upper: number } {
    const li = this.layers.indexOf(layer);
    if (li < 0 || !this.model) return { lower: 0, upper: 0 };
    const width = this.layers.length;
    const cost = new Float64Array(this.columns);
    for (const m of this.tables.cells[cell].members) cost[m * width + li] = 1;
    this.model.changeColsCost({ kind: 'range', from: 0, to: this.columns - 1 }, cost);
    const min = this.optimise(this.highs.constants.objectiveSense.minimize);
    const max = this.optimise(this.highs.constants.objectiveSense.maximize);
    return { lower: Math.ceil(min - EPSILON) + 0, upper: Math.floor(max + EPSILON) + 0 };
  }

  private optimise(sense: Parameters<Model['changeObjectiveSense']>[0]): number {
    const model = this.model!;
    model.changeObjectiveSense(sense);
    this.solves += 1;
    const { modelStatus } = model.run();
    if (modelStatus === this.highs.constants.modelStatus.optimal) return model.getObjectiveValue();
    if (modelStatus === this.highs.constants.modelStatus.infeasible) {
      throw new AggregationError(AggregationErrorCode.InconsistentInput, 'the published cells contradict the populations', {
        reason: 'the published cells contradict the populations',
      });
    }
    throw new AggregationError(AggregationErrorCode.SolverFailed, `audit LP ended with status ${modelStatus}`);
  }

  dispose(): void {
    this.model?.dispose();
  }
}

/**
 * Audits one pattern of a prepared problem with a model whose pattern is already set. Used by
 * {@link auditLinkedTables} and by the complementary-suppression loop, which keeps its models.
 */
export class PatternAuditor {
  private readonly lp: AuditLp;
  private baseline: AuditLp | null = null;
  private readonly publicWidth = new Map<string, number>();
  private suppressed: ReadonlySet<number> = new Set();

  constructor(
    private readonly highs: Highs,
    private readonly problem: PreparedProblem,
  ) {
    this.lp = new AuditLp(highs, problem.tables, problem.knownTotals);
  }

  get solves(): number {
    return this.lp.solves + (this.baseline?.solves ?? 0);
  }

  setPattern(suppressed: ReadonlySet<number>): void {
    this.suppressed = suppressed;
    this.lp.setPattern(suppressed);
  }

  /** The layers of a primary cell that need protection under the current pattern. */
  targets(cell: number): number[] {
    const tables = this.problem.tables;
    return this.problem.auditLayers.filter((layer) => {
      if (!this.lp.hasLayer(layer)) return false;
      // A published zero that contains the cell already says it is zero in this layer.
      return !tables.cells.some((other, j) => j !== cell && !this.suppressed.has(j) && other.values[layer] === 0 && contains(tables, j, cell));
    });
  }

  /** Audits one layer of one primary cell. */
  check(cell: number, layer: number): AuditedValue {
    const { lower, upper } = this.lp.interval(cell, layer);
    let required = this.problem.threshold;
    if (upper - lower < required) required = Math.min(required, this.publicWidthOf(cell, layer));
    return { key: this.problem.tables.cells[cell].key, layer, lower, upper, required, passed: upper - lower >= required };
  }

  /** Checks every target of a cell; stops at the first failure when `stopEarly`. */
  checkCell(cell: number, stopEarly: boolean): AuditedValue[] {
    const results: AuditedValue[] = [];
    for (const layer of this.targets(cell)) {
      const result = this.check(cell, layer);
      results.push(result);
      if (stopEarly && !result.passed) break;
    }
    return results;
  }

  private publicWidthOf(cell: number, layer: number): number {
    const key = `${cell}:${layer}`;
    let width = this.publicWidth.get(key);
    if (width === undefined) {
      if (!this.baseline) {
        this.baseline = new AuditLp(this.highs, this.problem.tables, this.problem.knownTotals);
        this.baseline.setPattern(new Set(this.problem.tables.cells.map((_, i) => i)));
      }
      const { lower, upper } = this.baseline.interval(cell, layer);
      width = upper - lower;
      this.publicWidth.set(key, width);
    }
    return width;
  }

  /** The full report of the current pattern: every target of every primary cell. */
  report(): AuditReport {
    const before = this.solves;
    const values = this.problem.primary.flatMap((cell) => this.checkCell(cell, false));
    return { passed: values.every((v) => v.passed), threshold: this.problem.threshold, values, solves: this.solves - before };
  }

  dispose(): void {
    this.lp.dispose();
    this.baseline?.dispose();
  }
}

/**
 * Audits a suppression pattern (the keys of every suppressed cell) of a release: the gate to
 * run on exactly what will be published. It does not change the pattern; see
 * {@link assertAuditPassed}.
 */
export async function auditLinkedTables(problem: ProtectionProblem, suppressed: Iterable<string>, options: { solver?: Highs } = {}): Promise<AuditReport> {
  const prepared = prepareProblem(problem);
  const pattern = new Set([...suppressed].map((key) => prepared.tables.index.get(key) ?? -1));
  if (pattern.has(-1)) throw new AggregationError(AggregationErrorCode.UnknownCell, 'a suppressed key is not a catalogue cell', { key: '?' });
  for (const cell of [...prepared.primary, ...prepared.keep]) {
    if (!pattern.has(cell)) {
      const key = prepared.tables.cells[cell].key;
      throw new AggregationError(AggregationErrorCode.AuditFailed, `primary or earlier-suppressed cell ${key} is published`, { key });
    }
  }
  const auditor = new PatternAuditor(options.solver ?? (await loadAuditSolver()), prepared);
  try {
    auditor.setPattern(pattern);
    return auditor.report();
  } finally {
    auditor.dispose();
  }
}

/** Fails closed: throws `aggregation.audit-failed` unless every audited value passed. */
export function assertAuditPassed(report: AuditReport): void {
  const failed = report.values.find((v) => !v.passed);
  if (!report.passed || failed) {
    throw new AggregationError(AggregationErrorCode.AuditFailed, `disclosure audit failed for ${failed?.key ?? 'the release'}`, { key: failed?.key ?? '' });
  }
}
