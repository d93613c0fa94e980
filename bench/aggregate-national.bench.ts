/**
 * `aggregate-national`: AggregationService.compute (reading, statistics, primary and
 * complementary suppression, the LP audit, the canonical snapshot) of a national staff survey
 * and a national judges' survey on the SYNTHETIC register, each against one GROUPING SETS query
 * computing the same catalogue cell counts over the same rows.
 *
 *   npm run bench -- aggregate-national
 */
import { AggregationService, SurveySnapshot } from '@app/aggregation';
import { cellCountsFloor } from './cell-counts-floor';
import { compare, median, MeasuredFigure, ratioAtMost, recordRun, runBenchmark, timed } from './harness';
import { closedNationalSurvey, loadRegister, NATIONAL_SURVEYS, openBenchDatabase } from './national-survey';

/** Floor runs per campaign (cheap; the median evens out a noisy neighbour). */
const FLOOR_RUNS = 3;

runBenchmark(async () => {
  const bench = await openBenchDatabase();
  try {
    await loadRegister(bench.module, 1);
    const surveys = [];
    for (const [index, spec] of NATIONAL_SURVEYS.entries()) surveys.push(await closedNationalSurvey(bench.module, bench.owner, spec, 1000 + index));
    const aggregation = bench.module.get(AggregationService);
    const figures: MeasuredFigure[] = [];
    const notes: string[] = [];
    for (const survey of surveys) {
      // Warms the cache for both sides: the rows are read from memory in what is measured.
      await cellCountsFloor(bench.owner, survey.campaignId, survey.questions);
      const computed = await timed(() => aggregation.compute(survey.campaignId, 1));
      const floors: number[] = [];
      for (let run = 0; run < FLOOR_RUNS; run += 1) floors.push((await timed(() => cellCountsFloor(bench.owner, survey.campaignId, survey.questions))).ms);
      figures.push(
        compare(`aggregate-national.${survey.label}`, { value: computed.ms / 1000, unit: 's' }, { what: 'one GROUPING SETS query of the cell counts', value: median(floors) / 1000 }, ratioAtMost(3)),
      );
      const { summary } = JSON.parse(computed.result) as SurveySnapshot;
      notes.push(
        `${survey.label}: ${survey.invited.toLocaleString('en-US')} invited, ${survey.respondents.toLocaleString('en-US')} answering, ${survey.questions.length} rating and ${survey.choices.length} choice questions; ` +
          `${summary.publishedCells.toLocaleString('en-US')} cells published, ${summary.suppressedCells.toLocaleString('en-US')} suppressed, ${summary.lpSolves.toLocaleString('en-US')} LP solves.`,
      );
    }
    recordRun('aggregate-national', figures, notes);
  } finally {
    await bench.close();
  }
});
