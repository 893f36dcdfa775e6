import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  resolve: {
    // Mirrors tsconfig `paths` ("@/*" → "./*"). A regex so scoped packages such as @deck.gl/* are untouched.
    alias: [{ find: /^@\//, replacement: root }],
  },
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    // Two cores, and an in-memory PGlite can peak near 1 GiB: more workers only thrash.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    // Opening PGlite and running migrations happens in hooks and can take several seconds cold.
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // Other engineers add test files in parallel; an empty selection is not a failure.
    passWithNoTests: true,
    // Many scenarios date their events on fixed days of November 2026: the suite's admins may back-date without
    // a limit. tests/integration/access-backdating.test.ts checks the policy with the production defaults.
    env: { BACKDATE_WINDOWS: 'admin:99999999,operator:99999999' },
  },
});
