/**
 * The one rounding policy of every published number (docs/disclosure-control.md, "Rounding").
 *
 * Everything is computed from exact integer sums (counts, sums of answers, sums of squares),
 * so the order in which answers arrive cannot change a result. Values are rounded once, at
 * output, to {@link OUTPUT_DECIMALS} decimals: the binary double is rounded to the nearest
 * decimal, halves away from zero (`Number.prototype.toFixed`), and a negative zero becomes 0.
 * A re-run over the same answers therefore gives byte-identical JSON.
 */
export const OUTPUT_DECIMALS = 4;

export function roundOutput(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`cannot publish a non-finite number: ${value}`);
  const rounded = Number(value.toFixed(OUTPUT_DECIMALS));
  return rounded === 0 ? 0 : rounded;
}

/** {@link roundOutput} for optional values. */
export function roundOrNull(value: number | null): number | null {
  return value === null ? null : roundOutput(value);
}
