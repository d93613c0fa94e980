import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const FIXTURE = join(__dirname, 'fixtures', 'boundaries');

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
}

function cruise(): Violation[] {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs'), 'apps', 'libs', '--config', join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'],
    { cwd: FIXTURE, encoding: 'utf8' },
  );
  return JSON.parse(run.stdout).summary.violations;
}

describe('import boundaries (.dependency-cruiser.cjs)', () => {
  const violations = cruise().map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`).sort();

  it('fire on each deliberate violation of the fixture tree, and only there', () => {
    expect(violations).toEqual([
      'discipline-imports-evaluation: libs/discipline/src/index.ts -> libs/beta/src/index.ts',
      'evaluation-imports-discipline: apps/cli/src/owner.ts -> libs/discipline/src/index.ts',
      'evaluation-imports-discipline: libs/gamma/src/index.ts -> libs/discipline/src/index.ts',
      'lib-imports-app: libs/alpha/src/imports-app.ts -> apps/api/src/main.ts',
      'lib-internals-from-other-lib: libs/beta/src/index.ts -> libs/alpha/src/internal.ts',
      'lib-internals-from-outside: apps/api/src/uses-internal.ts -> libs/alpha/src/internal.ts',
      'testing-outside-tests: libs/discipline/src/uses-testing.ts -> libs/testing/src/index.ts',
    ]);
  });
});
