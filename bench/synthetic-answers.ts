/**
 * SYNTHETIC answers for the benchmarks: spread over the whole scale, with a person effect
 * shared by all of one respondent's items, a gender difference and a region difference, so
 * suppression, gaps and the audit see realistic patterns rather than uniform noise.
 */
import { REGIONS } from '@app/registry';

/** A small seeded generator (LCG): the same seed gives the same answers on every machine. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Roughly normal with standard deviation `sd` (sum of three uniforms). */
function noise(rng: () => number, sd: number): number {
  return (rng() + rng() + rng() - 1.5) * 2 * sd;
}

/** Regions differ by up to ±0.32 scale points, in a fixed pattern over the reference list. */
export function regionShift(regionCode: string): number {
  const index = REGIONS.findIndex((r) => r.code === regionCode);
  return index < 0 ? 0 : (((index * 7) % 9) - 4) * 0.08;
}

/** Women answer about a third of a point higher: the gap the snapshot's tests should find. */
export const WOMEN_SHIFT = 0.35;

export interface RatedQuestion {
  name: string;
  reverse: boolean;
  scale: { min: number; max: number };
}

/** One respondent's answers to every rating question (all are required in the built-ins). */
export function syntheticAnswers(person: { gender: string | null; regionCode: string | null }, questions: readonly RatedQuestion[], rng: () => number): Record<string, number> {
  const leaning = noise(rng, 0.7) + (person.gender === 'f' ? WOMEN_SHIFT : 0) + regionShift(person.regionCode ?? '');
  return Object.fromEntries(
    questions.map((q, i) => {
      const middle = (q.scale.min + q.scale.max) / 2 + 0.3 + ((((i * 37) % 9) - 4) * 0.1);
      const agreement = Math.round(middle + leaning + noise(rng, 0.8));
      const value = Math.min(q.scale.max, Math.max(q.scale.min, agreement));
      // A satisfied respondent disagrees with a reverse-worded item ("I often think of leaving").
      return [q.name, q.reverse ? q.scale.min + q.scale.max - value : value];
    }),
  );
}

export interface ChoiceQuestion {
  name: string;
  multiple: boolean;
  options: readonly (string | number | boolean)[];
  /** At most this many options of a multiple choice (the instrument's limit). */
  maxSelected?: number;
}

/**
 * One respondent's answers to every choice question, as the form allows them: earlier options
 * are more popular; a multiple choice holds one option up to its limit.
 */
export function syntheticChoices(questions: readonly ChoiceQuestion[], rng: () => number): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  for (const q of questions) {
    const popularity = q.options.map((_, k) => 0.6 / (1 + k * 0.5));
    if (!q.multiple) {
      const total = popularity.reduce((a, b) => a + b, 0);
      let draw = rng() * total;
      answers[q.name] = q.options[popularity.findIndex((p) => (draw -= p) < 0)] ?? q.options.at(-1);
      continue;
    }
    const chosen = q.options.filter((_, k) => rng() < popularity[k]).slice(0, q.maxSelected ?? q.options.length);
    answers[q.name] = chosen.length > 0 ? chosen : [q.options[Math.floor(rng() * q.options.length)]];
  }
  return answers;
}
