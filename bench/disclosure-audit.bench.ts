/**
 * Cost of disclosure control at national size (SYNTHETIC registers, following PRODUCT.md 3):
 * judges (2,235 invited, ~57% answering) and staff (~6,000 invited, ~88% answering), each
 * cross-classified by gender × age band × experience band × court level × region.
 *
 *   node bench/run-ts.cjs bench/disclosure-audit.bench.ts [questions [run]]
 *
 * Measures the respondent-count release and then the statistics release of each question
 * (complementary suppression plus the LP audit, layered by scale point). The baseline is
 * summing the same catalogue cells from the microcells, in the same run.
 */
import {
  Breakdown,
  buildCatalogue,
  catalogueCells,
  loadAuditSolver,
  protectQuestion,
  protectRespondentCounts,
  QuestionMicrocell,
  RespondentMicrocell,
  validateThresholds,
} from '@app/aggregation';
import { random } from './synthetic-answers';

function pick<T>(rng: () => number, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = rng() * total;
  for (let i = 0; i < items.length; i += 1) {
    r -= weights[i];
    if (r < 0) return items[i];
  }
  return items[items.length - 1];
}

const REGIONS = ['abai', 'akmola', 'aktobe', 'almaty-region', 'atyrau', 'east-kz', 'jambyl', 'jetisu', 'karaganda', 'kostanay', 'kyzylorda', 'mangystau', 'north-kz', 'pavlodar', 'turkistan', 'ulytau', 'west-kz', 'astana', 'almaty', 'shymkent'];
const REGION_WEIGHTS = [4, 5, 5, 7, 4, 5, 6, 4, 7, 5, 5, 4, 4, 5, 8, 2, 4, 8, 10, 6];
const AGE = ['25-34', '35-44', '45-54', '55-64', '65+'];
const EXPERIENCE = ['0-4', '5-9', '10-14', '15-19', '20+'];

interface Person {
  cell: Record<string, string>;
  responds: boolean;
}

function register(kind: 'judges' | 'staff', rng: () => number): Person[] {
  const levels =
    kind === 'judges'
      ? [
          { level: 'supreme', size: 60, women: 0.47 },
          { level: 'regional', size: 449, women: 0.45 },
          { level: 'district', size: 1726, women: 0.55 },
        ]
      : [
          { level: 'supreme', size: 250, women: 0.6 },
          { level: 'regional', size: 1100, women: 0.65 },
          { level: 'district', size: 4300, women: 0.68 },
          { level: 'administration', size: 350, women: 0.7 },
        ];
  const rate = kind === 'judges' ? 0.57 : 0.875;
  const people: Person[] = [];
  for (const { level, size, women } of levels) {
    for (let i = 0; i < size; i += 1) {
      people.push({
        cell: {
          [Breakdown.Gender]: rng() < women ? 'f' : 'm',
          [Breakdown.AgeBand]: pick(rng, AGE, [8, 30, 35, 22, 5]),
          [Breakdown.ExperienceBand]: pick(rng, EXPERIENCE, [18, 22, 22, 20, 18]),
          [Breakdown.CourtLevel]: level,
          [Breakdown.Region]: level === 'supreme' ? 'astana' : pick(rng, REGIONS, REGION_WEIGHTS),
        },
        responds: rng() < rate,
      });
    }
  }
  return people;
}

function microcellsOf(people: Person[]): Map<string, { cell: Record<string, string>; population: number; respondents: number }> {
  const cells = new Map<string, { cell: Record<string, string>; population: number; respondents: number }>();
  for (const person of people) {
    const key = JSON.stringify(person.cell);
    const entry = cells.get(key) ?? { cell: person.cell, population: 0, respondents: 0 };
    entry.population += 1;
    if (person.responds) entry.respondents += 1;
    cells.set(key, entry);
  }
  return cells;
}

async function main(): Promise<void> {
  const questionCount = Number(process.argv[3] ?? 5);
  await loadAuditSolver();
  // The stress runs raise thresholds (allowed: they only have floors) so that many cells of the
  // judges' tables are primary and the search and the audit do real work at national size:
  // many statistics primaries (mean 40), or many count primaries (count 30, which also makes
  // the audit demand intervals 30 wide; counts only).
  const runs = [
    { kind: 'judges', thresholds: validateThresholds(), questions: questionCount },
    { kind: 'staff', thresholds: validateThresholds(), questions: questionCount },
    { kind: 'judges', thresholds: validateThresholds({ count: 5, mean: 40 }), questions: questionCount },
    { kind: 'judges', thresholds: validateThresholds({ count: 30, mean: 30 }), questions: 0 },
  ] as const;
  const only = process.argv[4] === undefined ? null : Number(process.argv[4]);
  for (const [index, { kind, thresholds, questions }] of runs.entries()) {
    if (only !== null && index !== only) continue;
    const rng = random(kind === 'judges' ? 2235 : 6000);
    const people = register(kind, rng);
    const levels = [...new Set(people.map((p) => p.cell[Breakdown.CourtLevel]))].sort();
    const catalogue = buildCatalogue([
      { name: Breakdown.Gender, categories: ['f', 'm'] },
      { name: Breakdown.AgeBand, categories: AGE },
      { name: Breakdown.ExperienceBand, categories: EXPERIENCE },
      { name: Breakdown.CourtLevel, categories: levels },
      { name: Breakdown.Region, categories: REGIONS },
    ]);
    const cells = [...microcellsOf(people).values()];
    const counts: RespondentMicrocell[] = cells.map((c) => ({ cell: c.cell, population: c.population, respondents: c.respondents }));

    const baselineStart = process.hrtime.bigint();
    for (const cell of catalogueCells(catalogue)) {
      counts.filter((m) => Object.entries(cell.assignment).every(([n, v]) => m.cell[n] === v)).reduce((s, m) => s + m.respondents, 0);
    }
    const baselineMs = Number(process.hrtime.bigint() - baselineStart) / 1e6;

    const countStart = process.hrtime.bigint();
    const countRelease = await protectRespondentCounts({ catalogue, microcells: counts, thresholds });
    const countMs = Number(process.hrtime.bigint() - countStart) / 1e6;

    const perQuestion: number[] = [];
    let questionSolves = 0;
    let questionSuppressed = 0;
    let questionRounds = 0;
    let questionPrimary = 0;
    for (let q = 0; q < questions; q += 1) {
      const answers: QuestionMicrocell[] = cells.map((c) => {
        const distribution = [0, 0, 0, 0, 0];
        let noAnswer = 0;
        for (let r = 0; r < c.respondents; r += 1) {
          if (rng() < 0.02) noAnswer += 1;
          else distribution[Math.min(4, Math.floor(rng() ** 0.6 * 5))] += 1;
        }
        return { cell: c.cell, population: c.population, distribution, noAnswer };
      });
      const start = process.hrtime.bigint();
      const release = await protectQuestion({ catalogue, microcells: answers, scale: { min: 1, max: 5 }, thresholds, countRelease });
      perQuestion.push(Number(process.hrtime.bigint() - start) / 1e6);
      questionSolves += release.audit.solves;
      questionSuppressed += release.suppressed.length;
      questionRounds += release.rounds;
      questionPrimary += Object.keys(release.primaryReasons).length;
    }
    const mean = perQuestion.reduce((a, b) => a + b, 0) / Math.max(1, perQuestion.length);
    const respondents = counts.reduce((s, c) => s + c.respondents, 0);
    process.stdout.write(
      [
        `${kind} (synthetic), thresholds count ${thresholds.count} / mean ${thresholds.mean}: ${people.length} invited, ${respondents} respondents, ${cells.length} populated microcells, ${catalogueCells(catalogue).length} catalogue cells`,
        `  baseline (sum every catalogue cell from microcells): ${baselineMs.toFixed(1)} ms`,
        `  respondent-count release: ${countMs.toFixed(0)} ms (${countRelease.rounds} rounds, ${Object.keys(countRelease.primaryReasons).length} primary, ${countRelease.suppressed.length} suppressed, ${countRelease.audit.solves} LPs)`,
        questions === 0 ? '' : `  question release: mean ${mean.toFixed(0)} ms, max ${Math.max(...perQuestion).toFixed(0)} ms over ${questions} questions (per question: ${(questionPrimary / Math.max(1, questions)).toFixed(1)} primary, ${(questionRounds / Math.max(1, questions)).toFixed(1)} rounds, ${(questionSuppressed / Math.max(1, questions)).toFixed(1)} suppressed, ${(questionSolves / Math.max(1, questions)).toFixed(0)} LPs)`,
        '',
      ]
        .filter((line, i, all) => line !== '' || i === all.length - 1)
        .join('\n'),
    );
  }
}

void main();
