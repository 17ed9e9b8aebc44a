import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    // End-to-end tests drive real ptys; two cores, so keep the parallelism modest.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // The summary reporter comes last so that its `N passed, N failed` is the final line of `npm test`.
    reporters: ['default', './test/summary-reporter.ts'],
  },
});
