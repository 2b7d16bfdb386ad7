/**
 * Architecture rules, checked by `npm run lint` and CI. A bounded context reaches another only through the
 * other's index.ts (its Nest module, facade, events and GraphQL types); domain code stays free of application
 * and GraphQL code; shared infrastructure never depends on a bounded context.
 */
module.exports = {
  forbidden: [
    {
      name: 'module-internals-are-private',
      comment:
        'Import another module only through its index.ts (facade, events, GraphQL types) - never its entities, repositories or processors.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/index\\.ts$'] },
    },
    {
      name: 'tests-use-module-index',
      comment:
        'Tests drive a module through its index.ts like any caller. Test-only exceptions, each needed to provoke what the ' +
        'API cannot: RunQueue (break Redis under a start), RunReaper/RunReconciler (run one sweep now), ' +
        'RotateCredentialsUseCase (the rotation CLI has no API).',
      severity: 'error',
      from: { path: '^test/' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: [
          '^src/modules/[^/]+/index\\.ts$',
          '^src/modules/operation-runs/application/(run-queue|run-reaper|run-reconciler)\\.ts$',
          '^src/modules/tenants/application/rotate-credentials\\.use-case\\.ts$',
        ],
      },
    },
    {
      name: 'outside-code-uses-module-index',
      comment:
        'Code outside src/modules (app module, infrastructure, tools) also sees a module only through its index.ts.',
      severity: 'error',
      from: { path: '^(src|bench|config)/', pathNot: '^src/modules/' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/index\\.ts$' },
    },
    {
      name: 'domain-is-innermost',
      comment: 'domain/ imports neither application/ nor graphql/.',
      severity: 'error',
      from: { path: '^src/modules/[^/]+/domain/' },
      to: { path: '^src/modules/[^/]+/(application|graphql)/' },
    },
    {
      name: 'infrastructure-knows-no-module',
      comment: 'Shared infrastructure must not depend on a bounded context.',
      severity: 'error',
      from: { path: '^src/infrastructure/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'simulator-is-not-production-code',
      comment:
        'The Graph simulator is a test/demo tool; the app never imports it (its tests and testing/ helpers may).',
      severity: 'error',
      from: { path: '^src/(modules|infrastructure|shared)/', pathNot: '\\.(spec|int-spec|e2e-spec)\\.ts$|/testing/' },
      to: { path: '^src/graph-simulator/' },
    },
    {
      name: 'no-test-code-in-src',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.(spec|int-spec|e2e-spec)\\.ts$|/testing/' },
      to: { path: '^test/|\\.(spec|int-spec|e2e-spec)\\.ts$' },
    },
    {
      name: 'console-is-a-separate-app',
      comment: 'The console (web/) talks to the server over GraphQL only: no imports across the two.',
      severity: 'error',
      from: { path: '^web/' },
      to: { path: '^(src|config|migrations|test)/' },
    },
    {
      name: 'server-does-not-import-the-console',
      severity: 'error',
      from: { path: '^(src|config|migrations|test)/' },
      to: { path: '^web/' },
    },
    {
      name: 'no-circular-between-modules',
      comment: 'Modules form a directed graph: a cycle means two contexts should talk through events or a port.',
      severity: 'error',
      from: { path: '^src/modules/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^dist/|^node_modules/)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
