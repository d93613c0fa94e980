// Four tiers, one config: `--selectProjects unit|integration|e2e|faults`. Per-tier timeouts are
// set by scripts/test.mjs (jest ignores testTimeout inside a project).
// NestJS 12 and some of its companions ship as ES modules; swc turns them into CommonJS
// for jest, which (on Node 20) cannot require ES modules itself.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
      // Rewrites @app/* imports at transform time, which also covers globalSetup (no moduleNameMapper there).
      baseUrl: __dirname,
      paths: { '@app/*': ['libs/*/src'] },
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];

const shared = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|typeorm|bullmq|canonicalize)/)'],
  testEnvironment: 'node',
};

module.exports = {
  // Jest's default leaves a core idle (cores - 1): on the 2-core machines this runs on, that
  // doubles the unit tier. The tiers that start servers run in band or set their own count.
  maxWorkers: '100%',
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts', '<rootDir>/test/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
    },
    {
      // Only on the disposable servers scripts/test.mjs starts for this tier.
      ...shared,
      displayName: 'faults',
      testMatch: ['<rootDir>/test/faults/**/*.faults-spec.ts'],
      globalSetup: '<rootDir>/libs/testing/src/jest/global-setup.ts',
    },
  ],
};
