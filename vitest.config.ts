import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'plugins/**/*.test.ts', 'test/**/*.test.ts', 'editor/src/**/*.test.ts'],
    globalSetup: ['./test/support/global-setup.ts'],
    testTimeout: 30_000,
    // expect.poll waits 1 s by default: too little for a browser on a loaded 2-core CI machine.
    expect: { poll: { timeout: 10_000, interval: 50 } },
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
