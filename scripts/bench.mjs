#!/usr/bin/env node
// `npm run bench`: the benchmarks listed in bench/suite.json, on real PostgreSQL and Redis,
// set up as `npm test` does (dependencies, services, build). Figures go to
// bench/results/latest.json and the tables of BENCHMARKS.md (bench/harness.ts).
//   npm run bench                                     every benchmark
//   npm run bench -- aggregate-scale --sizes=1,10     the ones named, with their options
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, ensureDependencies, ensureServices, platformEnv, ROOT, step } from './platform.mjs';

const suite = JSON.parse(readFileSync(join(ROOT, 'bench', 'suite.json'), 'utf8'));
const args = process.argv.slice(2);
const options = args.filter((arg) => arg.startsWith('--'));
const named = args.filter((arg) => !arg.startsWith('--'));
const unknown = named.filter((name) => !suite.some((b) => b.name === name));
if (unknown.length > 0) {
  process.stderr.write(`✖ unknown benchmark ${unknown.join(', ')}; known: ${suite.map((b) => b.name).join(', ')}\n`);
  process.exit(2);
}
const selected = named.length > 0 ? suite.filter((b) => named.includes(b.name)) : suite;

ensureDependencies();
ensureServices();
// Benchmarks over HTTP run the built apps as processes.
build();
const env = platformEnv({ NODE_ENV: 'test' });

const results = [];
for (const { name } of selected) {
  const file = join('bench', `${name}.bench.ts`);
  if (!existsSync(join(ROOT, file))) {
    results.push({ name, outcome: 'not yet measured' });
    continue;
  }
  step(`benchmark ${name}`);
  const started = Date.now();
  const run = spawnSync('node', [join('bench', 'run-ts.cjs'), file, ...options], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...env, JQC_BENCH_COMMAND: ['npm run bench --', name, ...options].join(' ') },
  });
  results.push({ name, outcome: run.status === 0 ? `done in ${Math.round((Date.now() - started) / 1000)} s` : `FAILED (exit ${run.status ?? run.signal})` });
}

process.stdout.write('\nBenchmarks (figures in BENCHMARKS.md and bench/results/latest.json):\n');
for (const { name, outcome } of results) process.stdout.write(`  ${name}: ${outcome}\n`);
process.exit(results.some((r) => r.outcome.startsWith('FAILED')) ? 1 : 0);
