#!/usr/bin/env node
// `npm test`: every tier, exactly as CI runs it, on real PostgreSQL and Redis.
//   npm test                 unit, integration, end-to-end
//   npm test -- unit e2e     only the tiers named
import { spawnSync } from 'node:child_process';
import { build, ensureChromium, ensureDependencies, ensureServices, platformEnv, ROOT, step } from './platform.mjs';

const TIERS = {
  unit: ['--selectProjects', 'unit'],
  integration: ['--selectProjects', 'integration', '--maxWorkers=2', '--testTimeout=60000'],
  e2e: ['--selectProjects', 'e2e', '--runInBand', '--testTimeout=180000'],
};
const requested = process.argv.slice(2).filter((arg) => arg in TIERS);
const tiers = requested.length > 0 ? requested : Object.keys(TIERS);

ensureDependencies();
const needsServices = tiers.some((tier) => tier !== 'unit');
if (needsServices) ensureServices();
const env = platformEnv({ NODE_ENV: 'test' });
if (tiers.includes('e2e')) {
  build();
  // test/e2e/respondent-browser.e2e-spec.ts drives a real browser.
  ensureChromium();
}

const results = [];
for (const tier of tiers) {
  step(`${tier} tests`);
  const started = Date.now();
  const run = spawnSync('npx', ['jest', ...TIERS[tier], '--ci'], { cwd: ROOT, stdio: 'inherit', env });
  results.push({ tier, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
  if (run.status !== 0) break;
}

process.stdout.write('\nTest tiers:\n');
for (const { tier, ok, seconds } of results) process.stdout.write(`  ${ok ? '✔' : '✖'} ${tier} (${seconds} s)\n`);
const failed = results.some((r) => !r.ok) || results.length < tiers.length;
process.exit(failed ? 1 : 0);
