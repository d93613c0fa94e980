/**
 * `aggregate-scale`: the national aggregation of `aggregate-national` (staff and judges'
 * surveys) at 1×, 10× and 100× the national population (the synthetic register's `scale`).
 * Each size is aggregated in a fresh process (bench/aggregation-child.ts), whose peak RSS is
 * the aggregation's. Growth is the size's time over the 1× time of the same run; each size is
 * also stated against its GROUPING SETS floor.
 *
 *   npm run bench -- aggregate-scale [--sizes=1,10,100]
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { cellCountsFloor } from './cell-counts-floor';
import type { ChildResult } from './aggregation-child';
import { compare, MeasuredFigure, ratioAtMost, recordRun, runBenchmark, timed, valueAtMost } from './harness';
import { closedNationalSurvey, loadRegister, NATIONAL_SURVEYS, openBenchDatabase } from './national-survey';

const MB_LIMIT = 1024;

function requestedSizes(): number[] {
  const option = process.argv.find((a) => a.startsWith('--sizes='));
  const sizes = option ? option.slice('--sizes='.length).split(',').map(Number) : [1, 10, 100];
  if (!sizes.includes(1) || sizes.some((s) => !(s > 0))) throw new Error('--sizes must list positive sizes and include 1, the size growth is stated against');
  return sizes;
}

/** Aggregates the campaigns in a process of its own, connected to the size's database. */
function aggregateInChild(env: NodeJS.ProcessEnv, campaignIds: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'run-ts.cjs'), [join(__dirname, 'aggregation-child.ts'), ...campaignIds], { env });
    let result: ChildResult | null = null;
    child.on('message', (message) => (result = message as ChildResult));
    child.on('error', reject);
    child.on('exit', (code) => (result && code === 0 ? resolve(result) : reject(new Error(`aggregation child exited with ${code}`))));
  });
}

interface SizeResult {
  size: number;
  seconds: number;
  floorSeconds: number;
  child: ChildResult;
  setupSeconds: number;
  respondents: number;
}

async function measureSize(size: number): Promise<SizeResult> {
  const bench = await openBenchDatabase();
  try {
    const setup = await timed(async () => {
      await loadRegister(bench.module, size);
      const surveys = [];
      for (const [index, spec] of NATIONAL_SURVEYS.entries()) surveys.push(await closedNationalSurvey(bench.module, bench.owner, spec, 1000 + index));
      return surveys;
    });
    const surveys = setup.result;
    const child = await aggregateInChild(bench.db.env, surveys.map((s) => s.campaignId));
    let floorMs = 0;
    for (const survey of surveys) floorMs += (await timed(() => cellCountsFloor(bench.owner, survey.campaignId, survey.questions))).ms;
    const seconds = child.ms.reduce((a, b) => a + b, 0) / 1000;
    process.stdout.write(`  ${size}×: aggregation ${seconds.toFixed(1)} s (${child.ms.map((ms) => (ms / 1000).toFixed(1)).join(' + ')}), floor ${(floorMs / 1000).toFixed(1)} s, peak RSS ${child.peakRssMb.toFixed(0)} MB\n`);
    return { size, seconds, floorSeconds: floorMs / 1000, child, setupSeconds: setup.ms / 1000, respondents: surveys.reduce((s, x) => s + x.respondents, 0) };
  } finally {
    await bench.close();
  }
}

runBenchmark(async () => {
  const results: SizeResult[] = [];
  for (const size of requestedSizes()) results.push(await measureSize(size));
  const one = results.find((r) => r.size === 1)!;
  const figures: MeasuredFigure[] = results.flatMap((r) => [
    compare(`aggregate-scale.${r.size}x.time`, { value: r.seconds, unit: 's' }, { what: 'GROUPING SETS floor at this size', value: r.floorSeconds }),
    ...(r.size === 1 ? [] : [compare(`aggregate-scale.${r.size}x.growth`, { value: r.seconds, unit: 's' }, { what: 'aggregation at 1× (same run)', value: one.seconds }, ratioAtMost(1.2 * r.size))]),
    compare(`aggregate-scale.${r.size}x.peak-rss`, { value: r.child.peakRssMb, unit: 'MB' }, { what: 'RSS of the same process after boot', value: r.child.bootRssMb }, valueAtMost(MB_LIMIT, 'MB')),
  ]);
  const notes = results.map(
    (r) =>
      `${r.size}×: ${r.respondents.toLocaleString('en-US')} responses (staff + judges); aggregation ${r.child.ms.map((ms) => `${(ms / 1000).toFixed(1)} s`).join(' + ')}; ` +
      `floor growth ${(r.floorSeconds / one.floorSeconds).toFixed(1)}×; setup (register, launch, answers) ${r.setupSeconds.toFixed(0)} s, not measured.`,
  );
  recordRun('aggregate-scale', figures, notes);
});
