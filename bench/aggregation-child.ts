/**
 * One aggregation size of `aggregate-scale`, in a process of its own so that its peak RSS is
 * the aggregation's alone: `node bench/run-ts.cjs bench/aggregation-child.ts <campaignId>...`,
 * forked with the database's environment. Boots the aggregation stack, computes each campaign
 * and sends `{ bootRssMb, peakRssMb, ms }` to the parent.
 */
import { AggregationService } from '@app/aggregation';
import { loadConfig } from '@app/core';
import { createIntegrationModule } from '@app/testing';
import { runBenchmark, timed } from './harness';
import { AGGREGATION_IMPORTS } from './national-survey';

export interface ChildResult {
  bootRssMb: number;
  peakRssMb: number;
  /** Milliseconds per campaign, in the order given. */
  ms: number[];
}

runBenchmark(async () => {
  const module = await createIntegrationModule({ env: process.env, config: loadConfig(process.env) }, { imports: AGGREGATION_IMPORTS });
  try {
    const bootRssMb = process.memoryUsage().rss / 2 ** 20;
    const aggregation = module.get(AggregationService);
    const ms: number[] = [];
    for (const campaignId of process.argv.slice(3)) ms.push((await timed(() => aggregation.compute(campaignId, 1))).ms);
    const result: ChildResult = { bootRssMb, peakRssMb: process.resourceUsage().maxRSS / 1024, ms };
    await new Promise((resolve) => process.send!(result, resolve));
  } finally {
    await module.close();
  }
});
