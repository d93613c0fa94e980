import tCdf from '@stdlib/stats-base-dists-t-cdf';
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { roundOutput } from './rounding';
import { Interval, Moments } from './statistics';

/**
 * Gender gap: women − men difference of means, with a Welch two-sample t-test and its 95%
 * confidence interval (docs/disclosure-control.md, "Gender gaps").
 *
 *   d   = mean_w − mean_m
 *   se  = √(s²_w / n_w + s²_m / n_m)
 *   t   = d / se
 *   df  = (s²_w/n_w + s²_m/n_m)² / ((s²_w/n_w)² / (n_w − 1) + (s²_m/n_m)² / (n_m − 1))   (Welch–Satterthwaite)
 *   p   = 2 · F_t(−|t|; df)
 *   CI  = d ± t_{0.975; df} · se
 *
 * A gap is reported only when both groups are publishable (the caller's suppression pattern
 * decides), and only when it is defined (n ≥ 2 in both groups, se > 0).
 */

export interface GapGroup {
  readonly moments: Moments;
  /** Whether this group's statistics are published in the snapshot (not suppressed). */
  readonly publishable: boolean;
}

export interface GenderGap {
  readonly test: 'welch-t';
  /** Mean of women minus mean of men. */
  readonly difference: number;
  readonly ci: Interval;
  readonly t: number;
  readonly df: number;
  readonly pValue: number;
  /** Benjamini–Hochberg adjusted p-value over the family passed to {@link genderGapFamily}; `null` for a single test. */
  readonly pAdjusted: number | null;
}

interface RawGap {
  difference: number;
  ciLower: number;
  ciUpper: number;
  t: number;
  df: number;
  p: number;
}

function welch(women: Moments, men: Moments): RawGap | null {
  if (women.n < 2 || men.n < 2 || women.mean === null || men.mean === null || women.variance === null || men.variance === null) return null;
  const vw = women.variance / women.n;
  const vm = men.variance / men.n;
  const se = Math.sqrt(vw + vm);
  if (!(se > 0)) return null;
  const difference = women.mean - men.mean;
  const t = difference / se;
  const df = (vw + vm) ** 2 / (vw ** 2 / (women.n - 1) + vm ** 2 / (men.n - 1));
  const p = Math.min(1, 2 * tCdf(-Math.abs(t), df));
  const half = tQuantile(0.975, df) * se;
  return { difference, ciLower: difference - half, ciUpper: difference + half, t, df, p };
}

function publish(raw: RawGap, pAdjusted: number | null): GenderGap {
  return {
    test: 'welch-t',
    difference: roundOutput(raw.difference),
    ci: { lower: roundOutput(raw.ciLower), upper: roundOutput(raw.ciUpper) },
    t: roundOutput(raw.t),
    df: roundOutput(raw.df),
    pValue: roundOutput(raw.p),
    pAdjusted: pAdjusted === null ? null : roundOutput(pAdjusted),
  };
}

/** One gender gap, or `null` when either group is not publishable or the test is undefined. */
export function genderGap(women: GapGroup, men: GapGroup): GenderGap | null {
  if (!women.publishable || !men.publishable) return null;
  const raw = welch(women.moments, men.moments);
  return raw === null ? null : publish(raw, null);
}

/**
 * Benjamini–Hochberg step-up adjustment: q_(i) = min_{j ≥ i} (m / j) · p_(j), capped at 1,
 * returned in the input order. Ties keep their input order, so the result is deterministic.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p || a.i - b.i);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank -= 1) {
    const { p, i } = order[rank - 1];
    running = Math.min(running, (p * m) / rank);
    adjusted[i] = running;
  }
  return adjusted;
}

export interface GapFamilyEntry {
  /** A stable identifier of the test, e.g. `q12|region=almaty`. */
  readonly key: string;
  readonly women: GapGroup;
  readonly men: GapGroup;
}

/**
 * Every gender gap of one family, with Benjamini–Hochberg adjusted p-values over the gaps that
 * are reported. The family is the caller's choice; the platform passes every gap published in
 * one snapshot (all questions and dimensions, national and per breakdown category). Entries
 * whose gap is not reported get `null` and do not count towards m.
 */
export function genderGapFamily(entries: readonly GapFamilyEntry[]): { key: string; gap: GenderGap | null }[] {
  const raws = entries.map((entry) => (entry.women.publishable && entry.men.publishable ? welch(entry.women.moments, entry.men.moments) : null));
  const reported = raws.flatMap((raw, i) => (raw === null ? [] : [i]));
  const adjusted = benjaminiHochberg(reported.map((i) => raws[i]!.p));
  const adjustedByIndex = new Map(reported.map((i, rank) => [i, adjusted[rank]]));
  return entries.map((entry, i) => {
    const raw = raws[i];
    return { key: entry.key, gap: raw === null ? null : publish(raw, adjustedByIndex.get(i)!) };
  });
}
