import { defineConfig } from 'vitest/config';

/**
 * Files that need a module graph of their own: a vi.mock of a module other files load (node:fs/promises), a
 * provider added to the registry (engine/providers/registry.ts keeps it for the process).
 */
const ISOLATED = ['test/cli/system-errors.test.ts', 'test/seam/third-provider.test.ts'];

export default defineConfig({
  test: {
    // No test asserts speed, and the suite shares two cores with other work: a timeout is for a hung test only.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests spawn the built CLI and a sandbox; two cores, so keep forks modest.
    // Not isolated: a worker evaluates engine, yargs and ajv once, not once per file (that was most of the suite's
    // CPU). Nothing in engine/, sandbox/ or test/support/ keeps state between files but immutable caches, except
    // what the ISOLATED files change; vitest gives each project below workers of its own.
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1, isolate: false } },
    projects: [
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: ISOLATED } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
