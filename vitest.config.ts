import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Two projects, every test file in exactly one, decided by where it lives:
 * - `integration`: everything under test/ (a PostgreSQL per run from the global setup, real app
 *   servers, child processes, browsers) and a plugin's simulator/ and client tests (they drive a
 *   simulated CRM over HTTP).
 * - `unit`: every other `*.test.ts` (core/, plugins/, editor/src/, config/): pure code, no database,
 *   no build, seconds in all (`npm run test:unit`). A test that needs the database goes under test/.
 * `vitest run` (`npm test`) runs both.
 */
const serverPluginTests = [
  'plugins/*/simulator/**/*.test.ts',
  'plugins/*/client/**/*.test.ts',
  'plugins/*/client.test.ts',
  'plugins/*/*.client.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    // expect.poll waits 1 s by default: too little for a browser on a loaded 2-core CI machine.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // Pure files share one module cache per worker thread: about three times faster than a fresh
          // process per file. The price: a unit test must undo any global state it changes.
          pool: 'threads',
          isolate: false,
          include: ['core/**/*.test.ts', 'plugins/**/*.test.ts', 'editor/src/**/*.test.ts', 'config/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...serverPluginTests],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts', ...serverPluginTests],
          globalSetup: ['./test/support/global-setup.ts'],
        },
      },
    ],
  },
});
