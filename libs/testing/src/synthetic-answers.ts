/** Share of answers on each point of a 1–5 scale: mostly favourable, as staff surveys tend to be. */
const LIKERT_WEIGHTS = [0.06, 0.14, 0.3, 0.32, 0.18];

/**
 * A deterministic, realistic-looking answer on a 1–5 scale for respondent `person` and item
 * `item`: independent across items (so dimension scores vary). `shift` moves the whole
 * distribution up or down, roughly by that many scale points on average (for example +0.4 for
 * one gender).
 */
export function likertAnswer(person: number, item: number, shift = 0): number {
  let hash = (Math.imul(person + 1, 0x9e3779b1) ^ Math.imul(item + 1, 0x85ebca77)) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) >>> 0;
  // Shifting the quantile moves the mean by about `shift` points near the middle of the scale.
  const u = Math.min(0.999999, Math.max(0, (hash ^ (hash >>> 13)) / 2 ** 32 + shift * 0.3));
  let cumulative = 0;
  return LIKERT_WEIGHTS.findIndex((w) => (cumulative += w) > u) + 1 || 5;
}
