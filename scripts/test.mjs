#!/usr/bin/env node
// `npm test`: every tier, exactly as CI runs it, on real PostgreSQL and Redis.
//   npm test                                   unit, integration, end-to-end, faults
//   npm test -- unit e2e                       only the tiers named
//   npm test -- faults test/faults/load        a tier, only the test files matching the pattern
import { spawnSync } from 'node:child_process';
import { build, ensureChromium, ensureDependencies, ensureServices, platformEnv, ROOT, startDisposableServices, step } from './platform.mjs';

const TIERS = {
  unit: ['--selectProjects', 'unit'],
  integration: ['--selectProjects', 'integration', '--maxWorkers=2', '--testTimeout=60000'],
  e2e: ['--selectProjects', 'e2e', '--runInBand', '--testTimeout=180000'],
  // Stops, kills and restarts PostgreSQL, Redis and the apps: on servers of its own.
  faults: ['--selectProjects', 'faults', '--runInBand', '--testTimeout=300000'],
};
const args = process.argv.slice(2);
const requested = args.filter((arg) => arg in TIERS);
const patterns = args.filter((arg) => !(arg in TIERS));
const tiers = requested.length > 0 ? requested : Object.keys(TIERS);

ensureDependencies();
const needsServices = tiers.some((tier) => !['unit', 'faults'].includes(tier));
if (needsServices) ensureServices();
const env = platformEnv({ NODE_ENV: 'test' });
if (tiers.includes('e2e') || tiers.includes('faults')) build();
// test/e2e/respondent-browser.e2e-spec.ts drives a real browser.
if (tiers.includes('e2e')) ensureChromium();

async function runTier(tier) {
  const disposable = tier === 'faults' ? await startDisposableServices() : null;
  // Ctrl-C or a kill ends jest; the disposable servers are stopped before this script exits.
  const interrupted = () => (process.exitCode = 130);
  process.on('SIGINT', interrupted).on('SIGTERM', interrupted);
  try {
    const run = spawnSync('npx', ['jest', ...TIERS[tier], '--ci', ...patterns], { cwd: ROOT, stdio: 'inherit', env: disposable ? { ...disposable.env, NODE_ENV: 'test' } : env });
    return run.status === 0 && process.exitCode !== 130;
  } finally {
    disposable?.stop();
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
}

const results = [];
for (const tier of tiers) {
  step(`${tier} tests`);
  const started = Date.now();
  const ok = await runTier(tier);
  results.push({ tier, ok, seconds: Math.round((Date.now() - started) / 1000) });
  if (!ok) break;
}

process.stdout.write('\nTest tiers:\n');
for (const { tier, ok, seconds } of results) process.stdout.write(`  ${ok ? '✔' : '✖'} ${tier} (${seconds} s)\n`);
const failed = results.some((r) => !r.ok) || results.length < tiers.length;
process.exit(failed ? 1 : 0);
