#!/usr/bin/env node
// `npm run check`: what must pass before every commit. Fast; needs no database.
import { spawnSync } from 'node:child_process';
import { ensureDependencies, ROOT, step } from './platform.mjs';

ensureDependencies();
const checks = [
  ['type-check', ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', ['npx', 'eslint', '.', '--max-warnings', '0']],
  ['import boundaries', ['npx', 'depcruise', 'apps', 'libs', 'migrations', 'test', '--config', '.dependency-cruiser.cjs']],
  ['unit tests', ['npx', 'jest', '--selectProjects', 'unit', '--ci']],
];
for (const [name, [command, ...args]] of checks) {
  step(name);
  const run = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (run.status !== 0) {
    process.stderr.write(`\n✖ ${name} failed\n`);
    process.exit(1);
  }
}
process.stdout.write('\n✔ all checks passed\n');
