/**
 * Import boundaries, checked by `npm run check:boundaries` (part of `npm test`, so a violation fails CI).
 * Paths are relative to the repository root; `node_modules/` marks npm packages.
 * Run through scripts/check-boundaries.mjs: it hands dependency-cruiser a TypeScript it can parse with.
 */

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'plugin-imports-only-sdk',
      severity: 'error',
      comment:
        'A plugin talks to the core only through core/sdk (its stable, documented surface), so the core can be ' +
        'refactored without breaking plugins and a plugin cannot reach the database, the engine or another ' +
        'plugin. Allowed: its own folder, core/sdk (with core/sdk/testing), npm packages and Node built-ins. ' +
        'Plugin tests may also use test/support.',
      from: { path: '^plugins/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: ['^plugins/$1/', '^core/sdk/index\\.ts$', '^core/sdk/testing/', '^core/sdk/testing\\.ts$', '^node_modules/'],
      },
    },
    {
      name: 'plugin-test-imports-only-sdk-and-test-support',
      severity: 'error',
      comment:
        'Plugin tests follow the plugin rule, plus the shared test support (a test app, a database per file); ' +
        'they must not reach core internals either, or the SDK stops being the whole contract.',
      from: { path: '^plugins/([^/]+)/.+\\.test\\.ts$' },
      to: {
        dependencyTypesNot: ['core'],
        pathNot: [
          '^plugins/$1/',
          '^core/sdk/index\\.ts$',
          '^core/sdk/testing/',
          '^core/sdk/testing\\.ts$',
          '^test/support/',
          '^node_modules/',
        ],
      },
    },
    {
      name: 'plugin-list-imports-plugin-entries-only',
      severity: 'error',
      comment:
        'plugins/index.ts is the one list of installed plugins: it imports each plugin through its index.ts ' +
        '(its definePlugin) and nothing deeper, so a plugin stays free to reorganise its own files.',
      from: { path: '^plugins/index\\.ts$' },
      to: { pathNot: ['^plugins/[^/]+/index\\.ts$', '^core/sdk/index\\.ts$', '^node_modules/'] },
    },
    {
      name: 'graph-is-pure',
      severity: 'error',
      comment:
        'core/graph (schema, validation, templates, condition operators) is shared with the browser editor ' +
        'and must stay free of IO: no Node built-ins, no pg, no database, engine, http, queue or plugin code. ' +
        'Only its own files and zod.',
      from: { path: '^core/graph/' },
      to: {
        pathNot: ['^core/graph/', '^node_modules/zod/', '^node_modules/vitest/', '^node_modules/@vitest/'],
      },
    },
    {
      name: 'editor-imports-graph-and-api-types-only',
      severity: 'error',
      comment:
        'The editor is a browser bundle: from the server it may use only the pure core/graph and the one ' +
        'type module core/http/api-types.ts (type-only re-exports of the views the API sends). Anything else ' +
        'would pull server code (pg, secrets, Node built-ins) into the bundle or couple the UI to internals.',
      from: { path: '^editor/src/' },
      to: {
        pathNot: ['^editor/src/', '^core/graph/', '^core/http/api-types\\.ts$', '^node_modules/'],
      },
    },
    {
      name: 'api-types-are-type-only',
      severity: 'error',
      comment:
        'core/http/api-types.ts is the editor\'s window on server types; it must re-export types only ' +
        '(`export type`), so bundling it brings no server code into the browser.',
      from: { path: '^core/http/api-types\\.ts$' },
      to: { dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'core-imports-plugins-through-index',
      severity: 'error',
      comment:
        'The core knows plugins only as the list in plugins/index.ts (and through the SDK contracts); reaching ' +
        'into a plugin\'s files would make the core depend on one integration. Core tests included: they may ' +
        'use test/support, not plugin internals.',
      from: { path: '^core/' },
      to: { path: '^plugins/', pathNot: '^plugins/index\\.ts$' },
    },
    {
      name: 'queue-does-not-import-engine',
      severity: 'error',
      comment:
        'The queue is infrastructure (graphile-worker tasks, job building); the engine implements the ' +
        'interface the queue defines. A queue → engine import turns that around and makes a cycle of the two.',
      from: { path: '^core/queue/' },
      to: { path: '^core/engine/' },
    },
    {
      name: 'production-code-without-test-support',
      severity: 'error',
      comment: 'Test support (embedded PostgreSQL, test apps) must never be reachable from code that ships.',
      from: { path: '^(core|plugins|config|editor/src)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^test/' },
    },
    {
      name: 'no-circular-core',
      severity: 'warn',
      comment:
        'Cycles between core modules make load order matter and hide which module owns what. Warn-level ' +
        'while the existing ones are untangled.',
      from: { path: '^core/' },
      to: { circular: true },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment:
        'An import the checker cannot resolve is an import no rule above can judge; it is usually a typo ' +
        'or a missing dependency as well.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules/' },
    // Type-only imports count: the editor rule is mostly about them.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    progress: { type: 'none' },
  },
};
