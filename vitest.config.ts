import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['__tests__/**/*.test.ts'],
    // The shell parser is loaded lazily (src/engine/shell.ts): load it before any test lints.
    setupFiles: ['__tests__/support/setup-engine.ts'],
    // End-to-end tests spawn the bundled action and a local GitHub API stand-in.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // CI reads the JSON report to print its own `N passed, N failed` line (.ci/run).
    reporters: process.env.CI ? ['default', 'json'] : ['default'],
    outputFile: { json: 'vitest-report.json' },
  },
});
