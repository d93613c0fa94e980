import loadHighs, { Highs, Model } from 'highs';
import { AggregationError, AggregationErrorCode } from '../aggregation.errors';
import { cellIndexOf, contains, LinkedTables, PreparedProblem, prepareProblem, ProtectionProblem } from './linked-tables';

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
 * Σ_{m ∈ c} x[m, l]; for every cell whose total is audited (the primary cells of a linked
 * count release) it does the same for Σ_{m ∈ c} Σ_l x[m, l]. Rounded inwards to integers
 * ([⌈min⌉, ⌊max⌋], since true counts are integers), the interval must be at least `required = min(threshold, cap, public width)`
 * wide, where
 *   - the cap is the smallest value a published cell containing this one shows in the same
 *     layer: "at most 3 of the women of region r answered 1" follows from "3 people of
 *     region r answered 1", which is published in its own right; a published zero
 *     (cap 0) says nothing about anyone, zero cells are not sensitive;
 *   - the public width is the same interval from public knowledge alone (no cell of this
 *     release published): a cell whose population is below the threshold cannot get a wider
 *     interval than its population gives, and must not get a narrower one.
 * A layer that is zero in every microcell is left out of the model (the national margin shows it).
 */

/** What is audited of a cell: its count in one layer, or its total over all layers. */
export type AuditLayer = number | 'total';

/** One audited value: the interval an attacker can prove for a primary cell's count in one layer (or in total). */
export interface AuditedValue {
  readonly key: string;
  readonly layer: AuditLayer;
  /** The smallest value the attacker cannot rule out; `null` when not needed to prove the width. */
  readonly lower: number | null;
  /** The largest value the attacker cannot rule out; `null` when not needed to prove the width. */
  readonly upper: number | null;
  /** Proven width of the attacker's interval: exact when both bounds are given, else a lower bound. */
  readonly width: number;
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

/** Loads HiGHS (WebAssembly) once per process: the default of the pure core's functions. */
export function loadAuditSolver(): Promise<Highs> {
  solver ??= newAuditSolver().catch((error: unknown) => {
    solver = null;
    throw error;
  });
  return solver;
}

/**
 * A fresh HiGHS instance (about 50 ms). The aggregation job takes one per release: an instance
 * that had audited a release at 100× the national staff survey failed the first
 * interior-point solve of the next release (HiGHS status -1; BENCHMARKS.md), and a release's
 * bytes must not depend on what the process computed before.
 */
export async function newAuditSolver(): Promise<Highs> {
  try {
    return await loadHighs();
  } catch (error) {
    throw new AggregationError(AggregationErrorCode.SolverFailed, `the audit solver could not load: ${String(error)}`);
  }
}

const EPSILON = 1e-6;

/**
 * Solver strategy, measured at staff size (docs/disclosure-control.md, "Audit cost"): the
 * first solve of a model by interior point with crossover (a vertex to start from; the
 * simplex alone needed seconds to find a first feasible basis of these degenerate LPs),
 * then primal simplex, which keeps the basis feasible when only the objective changes.
 */
const FIRST_SOLVE = { solver: 'ipm', run_crossover: 'on' } as const;
const LATER_SOLVES = { solver: 'simplex', simplex_strategy: 4 } as const;
/** Columns from which the interior-point start pays off; smaller models start with the simplex. */
const LARGE_MODEL = 2000;

/**
 * One LP model for a linked-tables release.
 *
 * Columns: x[m, l] for every populated microcell and non-zero layer, and z[c, l] for every
 * catalogue cell. Each z[c, l] is defined by one equality row: the sum of its children in the
 * equation collapsing it onto the fewest cells (a region = its two gender cells), or, for the
 * finest cells, the sum of its microcells. The matrix stays sparse (a microcell appears in
 * the rows of its finest cells only), which matters: the dense form, one row per cell over
 * all its microcells, made the first simplex solve at staff size take seconds.
 *
 * A published cell fixes z[c, l] to its value; a suppressed one leaves it in [0, population].
 * Known totals are rows Σ_l z[c, l] = total, active only while c is suppressed here
 * (otherwise implied). Changing the pattern only changes bounds, so the simplex warm-starts.
 */
export class AuditLp {
  private readonly model: Model | null;
  private readonly layers: readonly number[];
  private readonly columns: number;
  private readonly cellBase: number;
  private readonly totalRows: readonly { cell: number; row: number; total: number }[];
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
    this.cellBase = micro.length * width;
    this.columns = this.cellBase + tables.cells.length * width;
    const z = (cell: number, li: number) => this.cellBase + cell * width + li;
    const starts = [0];
    const indices: number[] = [];
    const values: number[] = [];
    const lower: number[] = [];
    const upper: number[] = [];
    const row = (entries: [number, number][], lo: number, up: number) => {
      entries.sort((a, b) => a[0] - b[0]);
      for (const [column, value] of entries) {
        indices.push(column);
        values.push(value);
      }
      starts.push(indices.length);
      lower.push(lo);
      upper.push(up);
    };
    tables.cells.forEach((cell, c) => {
      const defining = tables.equationsOf[c]
        .map((e) => tables.equations[e])
        .filter((equation) => equation.parent === c)
        .sort((a, b) => a.children.length - b.children.length)[0];
      for (let li = 0; li < width; li += 1) {
        const parts: [number, number][] = defining ? defining.children.map((child) => [z(child, li), -1]) : cell.members.map((m) => [m * width + li, -1]);
        row([[z(c, li), 1], ...parts], 0, 0);
      }
    });
    const totalRows: { cell: number; row: number; total: number }[] = [];
    for (const [cell, total] of [...knownTotals].sort((a, b) => a[0] - b[0])) {
      totalRows.push({ cell, row: lower.length, total });
      row(
        this.layers.map((_, li) => [z(cell, li), 1]),
        -highs.infinity,
        highs.infinity,
      );
    }
    this.totalRows = totalRows;
    if (width > 1) {
      micro.forEach((m, i) => row(
        this.layers.map((_, li) => [i * width + li, 1]),
        -highs.infinity,
        m.population,
      ));
    }
    const numRows = lower.length;
    if (width === 0 || numRows === 0) {
      this.model = null;
      return;
    }
    const colUpper = new Float64Array(this.columns);
    micro.forEach((m, i) => colUpper.fill(m.population, i * width, (i + 1) * width));
    tables.cells.forEach((cell, c) => colUpper.fill(cell.population, z(c, 0), z(c, 0) + width));
    this.model = highs.createModel({
      numCols: this.columns,
      numRows,
      colCost: new Float64Array(this.columns),
      colLower: new Float64Array(this.columns),
      colUpper,
      rowLower: lower,
      rowUpper: upper,
      matrix: { format: 'csr', numRows, numCols: this.columns, starts, indices, values },
    });
    this.model.options.set({ output_flag: false, presolve: 'off', ...(this.columns >= LARGE_MODEL ? FIRST_SOLVE : LATER_SOLVES) });
  }

  /** Whether a layer takes part in the model (it is non-zero somewhere). */
  hasLayer(layer: number): boolean {
    return this.layers.includes(layer);
  }

  /** Publishes every cell not in `suppressed`. */
  setPattern(suppressed: ReadonlySet<number>): void {
    if (!this.model) return;
    const width = this.layers.length;
    const count = this.tables.cells.length * width;
    const lower = new Float64Array(count);
    const upper = new Float64Array(count);
    this.tables.cells.forEach((cell, c) => {
      this.layers.forEach((layer, li) => {
        const published = !suppressed.has(c);
        lower[c * width + li] = published ? cell.values[layer] : 0;
        upper[c * width + li] = published ? cell.values[layer] : cell.population;
      });
    });
    this.model.changeColsBounds({ kind: 'range', from: this.cellBase, to: this.columns - 1 }, lower, upper);
    for (const { cell, row, total } of this.totalRows) {
      const active = suppressed.has(cell);
      this.model.changeRowBounds(row, active ? total : -this.highs.infinity, active ? total : this.highs.infinity);
    }
  }

  private target = '';

  /**
   * The tightest integer bound an attacker can prove for a cell's count in one layer (or its
   * total): ⌈min⌉ or ⌊max⌋ of the LP. The objective is kept between calls for the same target.
   */
  bound(cell: number, layer: AuditLayer, side: 'min' | 'max'): number {
    const selected = layer === 'total' ? this.layers.map((_, li) => li) : this.layers.indexOf(layer) < 0 ? [] : [this.layers.indexOf(layer)];
    if (selected.length === 0 || !this.model) return 0;
    const target = `${cell}:${layer}`;
    if (target !== this.target) {
      const width = this.layers.length;
      const cost = new Float64Array(this.columns);
      for (const li of selected) cost[this.cellBase + cell * width + li] = 1;
      this.model.changeColsCost({ kind: 'range', from: 0, to: this.columns - 1 }, cost);
      this.target = target;
    }
    const { minimize, maximize } = this.highs.constants.objectiveSense;
    return side === 'min' ? Math.ceil(this.optimise(minimize) - EPSILON) + 0 : Math.floor(this.optimise(maximize) + EPSILON) + 0;
  }

  /**
   * Two LPs over many targets at once, each target pushed up or down by a fixed pseudo-random
   * sign and then the opposite. Used only for the solutions they produce (witnesses), which
   * move many targets in one solve.
   */
  sweep(targets: readonly { cell: number; layer: AuditLayer }[]): void {
    if (!this.model || targets.length === 0) return;
    const width = this.layers.length;
    const cost = new Float64Array(this.columns);
    targets.forEach(({ cell, layer }, i) => {
      const selected = layer === 'total' ? this.layers.map((_, li) => li) : this.layers.indexOf(layer) < 0 ? [] : [this.layers.indexOf(layer)];
      for (const li of selected) cost[this.cellBase + cell * width + li] = i % 2 === 0 ? 1 : -1;
    });
    this.model.changeColsCost({ kind: 'range', from: 0, to: this.columns - 1 }, cost);
    this.target = '';
    this.optimise(this.highs.constants.objectiveSense.maximize);
    this.optimise(this.highs.constants.objectiveSense.minimize);
  }

  /** Both bounds. */
  interval(cell: number, layer: AuditLayer): { lower: number; upper: number } {
    return { lower: this.bound(cell, layer, 'min'), upper: this.bound(cell, layer, 'max') };
  }

  /** Called with the cell columns (cell-major, then layer) of every optimal solution. */
  onSolution: ((cellValues: Float64Array, layers: readonly number[]) => void) | null = null;

  private optimise(sense: Parameters<Model['changeObjectiveSense']>[0]): number {
    const model = this.model!;
    model.changeObjectiveSense(sense);
    this.solves += 1;
    const { modelStatus } = model.run();
    if (this.solves === 1) model.options.set(LATER_SOLVES);
    if (modelStatus === this.highs.constants.modelStatus.optimal) {
      this.onSolution?.(model.getSolution().colValue.subarray(this.cellBase), this.layers);
      return model.getObjectiveValue();
    }
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

  /**
   * Witnesses: for every cell and layer (and total), the smallest and largest value seen in any
   * optimal solution of the main model. Each solution is feasible for the current pattern and
   * stays feasible when more is suppressed (constraints are only removed), so a target whose
   * witnesses already span the threshold around its true value needs no LP of its own.
   */
  private readonly witnessMin = new Map<string, number>();
  private readonly witnessMax = new Map<string, number>();

  /** Per cell, the other cells that contain it (its margins), in catalogue order. */
  private readonly supersets: readonly (readonly number[])[];

  constructor(
    private readonly highs: Highs,
    private readonly problem: PreparedProblem,
  ) {
    this.lp = new AuditLp(highs, problem.tables, problem.knownTotals);
    this.lp.onSolution = (values, layers) => this.witness(values, layers);
    const cells = problem.tables.cells;
    this.supersets = cells.map((_, inner) => cells.flatMap((__, outer) => (outer !== inner && contains(problem.tables, outer, inner) ? [outer] : [])));
  }

  private witness(values: Float64Array, layers: readonly number[]): void {
    const width = layers.length;
    const record = (key: string, value: number) => {
      if (value < (this.witnessMin.get(key) ?? Infinity)) this.witnessMin.set(key, value);
      if (value > (this.witnessMax.get(key) ?? -Infinity)) this.witnessMax.set(key, value);
    };
    for (const cell of this.problem.audited) {
      let total = 0;
      layers.forEach((layer, li) => {
        const value = values[cell * width + li];
        total += value;
        record(`${cell}:${layer}`, value);
      });
      record(`${cell}:total`, total);
    }
  }

  get solves(): number {
    return this.lp.solves + (this.baseline?.solves ?? 0);
  }

  setPattern(suppressed: ReadonlySet<number>): void {
    this.suppressed = suppressed;
    this.lp.setPattern(suppressed);
  }

  /**
   * What needs protection in a cell: its audited layers if it is primary (without its zero
   * layers unless `auditZeroLayers`: see ProtectionProblem), its total if audited. Group
   * disclosure stays covered without zero layers: the layer that holds the group is non-zero.
   */
  targets(cell: number): AuditLayer[] {
    const sensitive = (layer: number) => this.problem.auditZeroLayers || this.valueOf(cell, layer) > 0;
    const layers: AuditLayer[] = this.problem.primary.includes(cell) ? this.problem.auditLayers.filter((layer) => this.lp.hasLayer(layer) && sensitive(layer)) : [];
    if (this.problem.auditTotals.includes(cell)) layers.push('total');
    return layers;
  }

  private valueOf(cell: number, layer: AuditLayer): number {
    const c = this.problem.tables.cells[cell];
    return layer === 'total' ? c.total : c.values[layer];
  }

  /**
   * The width required before any LP: min(threshold, cap), where the cap is the smallest value
   * a published cell containing this one shows in the same layer. A published cell says the
   * count of every cell inside it is at most its own; that is published in its own right (it
   * passed its own rules), so it is not a disclosure of this cell. A published zero gives a
   * cap of 0: zero cells are not sensitive. The cap can only rise as more is suppressed.
   */
  requiredBeforeLp(cell: number, layer: AuditLayer): number {
    let cap = this.problem.threshold;
    for (const outer of this.supersets[cell]) if (!this.suppressed.has(outer)) cap = Math.min(cap, this.valueOf(outer, layer));
    return cap;
  }

  /**
   * Audits one target of one cell: its interval must be at least
   * min(threshold, cap, public width) wide (see the module comment and
   * {@link requiredBeforeLp}). With `exact`, both bounds are computed. Otherwise witnesses are
   * tried first, then the side with more room (towards 0 or towards the population); when
   * either alone proves the width, the missing bounds are reported as `null`.
   */
  check(cell: number, layer: AuditLayer, exact: boolean): AuditedValue {
    const value = this.valueOf(cell, layer);
    const key = this.problem.tables.cells[cell].key;
    let required = this.requiredBeforeLp(cell, layer);
    if (required === 0) return { key, layer, lower: exact ? 0 : null, upper: exact ? 0 : null, width: 0, required, passed: true };
    if (!exact) {
      // The true value is feasible, and so is every witness.
      const low = Math.min(value, Math.ceil((this.witnessMin.get(`${cell}:${layer}`) ?? value) - EPSILON));
      const high = Math.max(value, Math.floor((this.witnessMax.get(`${cell}:${layer}`) ?? value) + EPSILON));
      if (high - low >= required) return { key, layer, lower: null, upper: null, width: high - low, required, passed: true };
    }
    const first: 'min' | 'max' = this.problem.tables.cells[cell].population - value >= value ? 'max' : 'min';
    const bounds: { min: number | null; max: number | null } = { min: null, max: null };
    bounds[first] = this.lp.bound(cell, layer, first);
    const room = first === 'max' ? bounds.max! - value : value - bounds.min!;
    if (!exact && room >= required) return { key, layer, lower: bounds.min, upper: bounds.max, width: room, required, passed: true };
    const second = first === 'max' ? 'min' : 'max';
    bounds[second] = this.lp.bound(cell, layer, second);
    const width = bounds.max! - bounds.min!;
    if (width < required) required = Math.min(required, this.publicWidthOf(cell, layer));
    return { key, layer, lower: bounds.min, upper: bounds.max, width, required, passed: width >= required };
  }

  /** Solves two LPs over many targets at once so that their solutions witness wide intervals. */
  sweep(targets: readonly { cell: number; layer: AuditLayer }[]): void {
    this.lp.sweep(targets);
  }

  /** Checks every target of a cell; stops at the first failure when `stopEarly`. */
  checkCell(cell: number, options: { stopEarly: boolean; exact: boolean; skip?: (layer: AuditLayer) => boolean }): AuditedValue[] {
    const results: AuditedValue[] = [];
    for (const layer of this.targets(cell)) {
      if (options.skip?.(layer)) continue;
      const result = this.check(cell, layer, options.exact);
      results.push(result);
      if (options.stopEarly && !result.passed) break;
    }
    return results;
  }

  private publicWidthOf(cell: number, layer: AuditLayer): number {
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

  /** The exact report of the current pattern: both bounds of every target of every audited cell, in key order. */
  report(): AuditReport {
    const before = this.solves;
    const values = this.problem.audited.flatMap((cell) => this.checkCell(cell, { stopEarly: false, exact: true }));
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
  const pattern = new Set([...suppressed].map((key) => cellIndexOf(prepared.tables, key)));
  for (const cell of [...prepared.primary, ...prepared.keep, ...prepared.auditTotals]) {
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
