import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The process-level stage (`npm run test:cluster`; `npm test` runs it after the production build): real
 * nodes (`server.ts` on `.next`), a throwaway PostgreSQL per file, HAProxy from deploy/haproxy.cfg. One file
 * at a time: each starts several servers on two cores, and their timings are what the tests assert.
 */
export default defineConfig({
  resolve: {
    alias: [{ find: /^@\//, replacement: root }],
  },
  test: {
    environment: 'node',
    include: ['tests/cluster/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    sequence: { concurrent: false },
    // Starting three nodes cold takes 20–60 s on two cores; a scenario then runs for a minute or two.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
    passWithNoTests: true,
  },
});
