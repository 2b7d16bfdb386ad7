// One jest config for the three tiers: *.spec.ts (pure), *.int-spec.ts (real PostgreSQL/Redis), test/e2e/*.e2e-spec.ts (GraphQL API).
const swc = JSON.parse(require('fs').readFileSync(__dirname + '/.swcrc', 'utf8'));
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/src/**/*.int-spec.ts',
    '<rootDir>/config/**/*.spec.ts',
    '<rootDir>/web/src/**/*.spec.ts',
    '<rootDir>/test/**/*.e2e-spec.ts',
  ],
  transform: { '^.+\\.(t|j|mj)s$': ['<rootDir>/test/support/jest-transform.cjs', { ...swc, swcrc: false }] },
  // ESM-only packages (NestJS 12, jose 6, cockatiel 4, ...): swc turns them into CommonJS under jest; at run time
  // Node 20.19+ require()s them natively. Everything else in node_modules is loaded untransformed.
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|jose|cockatiel|p-map|load-esm|uid|file-type|strtok3|token-types|@tokenizer|es-toolkit)/)',
  ],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  setupFiles: ['reflect-metadata', '<rootDir>/test/support/quiet-logs.ts'],
  setupFilesAfterEnv: ['<rootDir>/test/support/per-file-isolation.ts'],
  testTimeout: 60000,
  maxWorkers: 2,
  forceExit: false,
};
