/** ANONYMITY.md E: every stored combination matches at least 5 people, or the count threshold if higher. */
export function coarseningGroupSize(countThreshold: number): number {
  return Math.max(5, countThreshold);
}

/** The reporting attributes a response may carry; null where coarsening dropped one. */
export interface ReportingAttributes {
  gender: string | null;
  ageBand: string | null;
  experienceBand: string | null;
  courtLevel: string | null;
  regionCode: string | null;
}

/**
 * Generalisation steps, finest first (ANONYMITY.md E: drop the court level, then the
 * experience band, …). Each step keeps fewer attributes.
 */
const STEPS: (keyof ReportingAttributes)[][] = [
  ['gender', 'ageBand', 'experienceBand', 'courtLevel', 'regionCode'],
  ['gender', 'ageBand', 'experienceBand', 'regionCode'],
  ['gender', 'ageBand', 'regionCode'],
  ['gender', 'regionCode'],
  ['gender'],
  [],
];

function keep(person: ReportingAttributes, step: number): ReportingAttributes {
  const kept = new Set(STEPS[step]);
  return {
    gender: kept.has('gender') ? person.gender : null,
    ageBand: kept.has('ageBand') ? person.ageBand : null,
    experienceBand: kept.has('experienceBand') ? person.experienceBand : null,
    courtLevel: kept.has('courtLevel') ? person.courtLevel : null,
    regionCode: kept.has('regionCode') ? person.regionCode : null,
  };
}

export function attributesKey(attributes: ReportingAttributes): string {
  return [attributes.gender, attributes.ageBand, attributes.experienceBand, attributes.courtLevel, attributes.regionCode].map((v) => v ?? '*').join('|');
}

/** How many people of a population have one full combination of reporting attributes. */
export interface AttributeCount {
  attributes: ReportingAttributes;
  count: number;
}

/** {@link coarsenCounts} of a population given person by person. */
export function coarsenPopulation(people: readonly ReportingAttributes[], k: number): Map<string, ReportingAttributes> {
  return coarsenCounts(
    people.map((attributes) => ({ attributes, count: 1 })),
    k,
  );
}

/**
 * Coarsens the reporting attributes of a population so that every combination that may be
 * stored with a response is shared by at least `k` people of the population: people in a
 * rarer combination move up one generalisation step, again and again, until their group is
 * large enough. Returns, for each full combination, the combination to store.
 * Deterministic: it depends only on the population's counts, which is all it takes.
 */
export function coarsenCounts(population: readonly AttributeCount[], k: number): Map<string, ReportingAttributes> {
  const fullKeys = new Map<string, { attributes: ReportingAttributes; count: number; step: number }>();
  for (const { attributes, count } of population) {
    const key = attributesKey(attributes);
    const entry = fullKeys.get(key);
    if (entry) entry.count += count;
    else fullKeys.set(key, { attributes, count, step: 0 });
  }
  for (;;) {
    const groups = new Map<string, number>();
    for (const entry of fullKeys.values()) {
      const stored = attributesKey(keep(entry.attributes, entry.step));
      groups.set(stored, (groups.get(stored) ?? 0) + entry.count);
    }
    let moved = false;
    for (const entry of fullKeys.values()) {
      const size = groups.get(attributesKey(keep(entry.attributes, entry.step)))!;
      if (size < k && entry.step < STEPS.length - 1) {
        entry.step += 1;
        moved = true;
      }
    }
    if (!moved) break;
  }
  // People left alone at the top (no attribute at all) would still be a group under k: pull
  // the smallest other groups up to join them until the top group is large enough.
  const top = STEPS.length - 1;
  for (;;) {
    const groups = new Map<string, { size: number; entries: { step: number }[] }>();
    for (const entry of fullKeys.values()) {
      const stored = attributesKey(keep(entry.attributes, entry.step));
      const group = groups.get(stored) ?? { size: 0, entries: [] };
      group.size += entry.count;
      group.entries.push(entry);
      groups.set(stored, group);
    }
    const topSize = [...fullKeys.values()].filter((e) => e.step === top).reduce((sum, e) => sum + e.count, 0);
    if (topSize === 0 || topSize >= k) break;
    const smallest = [...groups.entries()]
      .filter(([, group]) => group.entries.every((e) => e.step < top))
      .sort(([keyA, a], [keyB, b]) => a.size - b.size || keyA.localeCompare(keyB))[0];
    if (!smallest) break;
    for (const entry of smallest[1].entries) entry.step = top;
  }
  return new Map([...fullKeys].map(([key, entry]) => [key, keep(entry.attributes, entry.step)]));
}
