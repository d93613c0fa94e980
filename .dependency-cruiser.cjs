/**
 * Import boundaries (STYLE.md "Boundaries", ANONYMITY.md I). Checked by `npm run check`;
 * test/import-boundaries.spec.ts proves each rule bites on a deliberate violation.
 */
const TESTS = '(\\.spec\\.ts|\\.int-spec\\.ts|\\.e2e-spec\\.ts)$';

module.exports = {
  forbidden: [
    {
      name: 'lib-imports-app',
      comment: 'Libraries never depend on apps.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'lib-internals-from-outside',
      comment: 'Another library or an app imports a library only through its index.ts.',
      severity: 'error',
      from: { path: '^(apps|test|bench|demo|migrations)/' },
      to: { path: '^libs/[^/]+/src/(?!index\\.ts$)' },
    },
    {
      name: 'lib-internals-from-other-lib',
      comment: 'A library imports another library only through its index.ts.',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/(?!$1/)[^/]+/src/(?!index\\.ts$)' },
    },
    {
      name: 'discipline-imports-evaluation',
      comment:
        'The disciplinary module may use core and auth only: evaluation never flows into discipline. ' +
        'Its tests may also use libs/testing, which testing-outside-tests keeps out of its production code.',
      severity: 'error',
      from: { path: '^libs/discipline/' },
      to: { path: '^libs/(?!discipline/|core/|auth/|testing/)' },
    },
    {
      name: 'evaluation-imports-discipline',
      comment:
        'Only the disciplinary controller and processor may use the disciplinary module, and apps/cli/src/discipline/, ' +
        'which hands its entities to the schema owner for migrations and the entity/migration agreement check.',
      severity: 'error',
      from: { pathNot: '^(libs/discipline/|apps/api/src/discipline/|apps/worker/src/discipline/|apps/cli/src/discipline/)' },
      to: { path: '^libs/discipline/' },
    },
    {
      name: 'testing-outside-tests',
      comment: 'libs/testing is for tests only.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['^libs/testing/', TESTS] },
      to: { path: '^libs/testing/' },
    },
    {
      name: 'dev-dependency-in-production-code',
      comment: 'Production code must not need a devDependency.',
      severity: 'error',
      from: { path: '^(apps|libs|migrations)/', pathNot: ['^libs/testing/', TESTS] },
      to: { dependencyTypes: ['npm-dev'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|fixtures)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
