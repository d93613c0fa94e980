import { LocalizedText } from '@app/core';

/** One reporting band: whole years from `min` up to and including `max` (open-ended when `max` is null). */
export interface Band {
  code: string;
  min: number;
  max: number | null;
  labels: LocalizedText;
}

export type BandKind = 'age' | 'experience';

/** A versioned set of bands. Campaigns lock the version they report with. */
export interface BandDefinition {
  kind: BandKind;
  version: number;
  bands: Band[];
}

export const DEFAULT_AGE_BANDS: BandDefinition = {
  kind: 'age',
  version: 1,
  bands: [
    { code: 'under-35', min: 0, max: 34, labels: { en: 'Under 35', ru: 'До 35 лет', kk: '35 жасқа дейін' } },
    { code: '35-44', min: 35, max: 44, labels: { en: '35–44', ru: '35–44 года', kk: '35–44 жас' } },
    { code: '45-54', min: 45, max: 54, labels: { en: '45–54', ru: '45–54 года', kk: '45–54 жас' } },
    { code: '55-plus', min: 55, max: null, labels: { en: '55 and over', ru: '55 лет и старше', kk: '55 жас және одан жоғары' } },
  ],
};

export const DEFAULT_EXPERIENCE_BANDS: BandDefinition = {
  kind: 'experience',
  version: 1,
  bands: [
    { code: 'under-5', min: 0, max: 4, labels: { en: 'Under 5 years', ru: 'Менее 5 лет', kk: '5 жылға дейін' } },
    { code: '5-9', min: 5, max: 9, labels: { en: '5–9 years', ru: '5–9 лет', kk: '5–9 жыл' } },
    { code: '10-19', min: 10, max: 19, labels: { en: '10–19 years', ru: '10–19 лет', kk: '10–19 жыл' } },
    { code: '20-plus', min: 20, max: null, labels: { en: '20 years and over', ru: '20 лет и более', kk: '20 жыл және одан көп' } },
  ],
};

/**
 * Checks that bands start at 0, are contiguous and non-overlapping, and end open-ended,
 * so every non-negative value falls in exactly one band. Returns the problems found.
 */
export function bandDefinitionProblems(definition: BandDefinition): string[] {
  const problems: string[] = [];
  const { bands } = definition;
  if (bands.length === 0) return ['has no bands'];
  if (new Set(bands.map((b) => b.code)).size !== bands.length) problems.push('band codes must be unique');
  if (bands[0].min !== 0) problems.push(`the first band must start at 0, not ${bands[0].min}`);
  bands.forEach((band, i) => {
    if (band.max !== null && band.max < band.min) problems.push(`band ${band.code} ends before it starts`);
    const next = bands[i + 1];
    if (next && band.max === null) problems.push(`only the last band may be open-ended (${band.code})`);
    if (next && band.max !== null && next.min !== band.max + 1) problems.push(`bands ${band.code} and ${next.code} must be contiguous`);
  });
  if (bands[bands.length - 1].max !== null) problems.push('the last band must be open-ended');
  return problems;
}

export function bandOf(definition: BandDefinition, value: number): string {
  const band = definition.bands.find((b) => value >= b.min && (b.max === null || value <= b.max));
  if (!band) throw new RangeError(`${value} is outside the ${definition.kind} bands v${definition.version}`);
  return band.code;
}

/** Whole years from a date to a reference date (the anniversary counts on its day). */
export function fullYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  const beforeAnniversary = tm < fm || (tm === fm && td < fd);
  return Math.max(0, ty - fy - (beforeAnniversary ? 1 : 0));
}

/**
 * Age from the birth year alone (the register holds no birth date, which is less identifying):
 * the age reached during the reference year.
 */
export function ageInYear(birthYear: number, referenceDate: string): number {
  return Number(referenceDate.slice(0, 4)) - birthYear;
}

export interface PersonBands {
  ageBand: string;
  experienceBand: string;
}

/** A person's age and experience bands on a reference date (ISO `YYYY-MM-DD`). */
export function personBands(
  person: { birthYear: number; serviceStart: string },
  referenceDate: string,
  ages: BandDefinition,
  experience: BandDefinition,
): PersonBands {
  return {
    ageBand: bandOf(ages, ageInYear(person.birthYear, referenceDate)),
    experienceBand: bandOf(experience, fullYearsBetween(person.serviceStart, referenceDate)),
  };
}
