import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // chDB crashes inside worker threads: every test file runs in its own child process.
    pool: 'forks',
    maxWorkers: 2,
    include: [
      '{schemas,crawler,analyzer,portal-adapter,dashboard}/src/**/*.test.ts',
      'tests/**/*.test.ts',
      'src/**/*.test.ts',
    ],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
  },
});
