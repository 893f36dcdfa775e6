import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3210);
const baseURL = `http://127.0.0.1:${port}`;
const ci = Boolean(process.env.CI);

/**
 * End-to-end tests against the production build. `npm test` runs `next build` first; the web server
 * below only serves `.next`, so run `npm run build` yourself before `npm run test:e2e`.
 * Screenshots that tests keep on purpose go to tests/artifacts/ (gitignored); Playwright's own
 * failure output goes to test-results/e2e.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/e2e',
  // One server with one in-memory database: parallel tests would see each other's data.
  workers: 1,
  fullyParallel: false,
  retries: ci ? 1 : 0,
  forbidOnly: ci,
  timeout: 90_000,
  // A map page's first render takes 3.5–6 s in SwiftShader.
  expect: { timeout: 15_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    baseURL,
    viewport: { width: 1920, height: 1080 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    navigationTimeout: 30_000,
    launchOptions: {
      // Debian's Chromium, installed by scripts/ensure-system-deps.sh; there is no internet to download
      // Playwright's own build. These flags give headless WebGL2 through SwiftShader.
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless=new',
        '--no-sandbox',
        '--use-angle=swiftshader',
        '--enable-unsafe-swiftshader',
        '--ignore-gpu-blocklist',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // Backfill mode: a few weeks of history (the block panels' week-over-week, sparklines and tension points need
    // it) and no live stream, so a test still counts exactly what it posts (tests/e2e/wall.spec.ts).
    // BOOTSTRAP_IDENTITIES_FILE: one user per role (tests/e2e/identities.json, no secrets) is created at start;
    // their tokens, sessions and passwords land in test-results/e2e-identities.json (tests/e2e/support/identity.ts).
    command:
      `NODE_ENV=production PORT=${port} PGLITE_DIR=memory:// SIMULATOR=backfill SIMULATOR_BACKFILL_WEEKS=5 SIMULATOR_FEDERAL_DAYS=1 ` +
      `BOOTSTRAP_IDENTITIES_FILE=tests/e2e/identities.json BOOTSTRAP_SECRETS_FILE=test-results/e2e-identities.json ` +
      `npx tsx server.ts`,
    // No `url`: /healthz answers while the backfill still runs, and Playwright starts on whichever comes first.
    // The server logs "ready" once start-up, the backfill and the week-ago record included, is over.
    wait: { stdout: /"msg":"ready"/ },
    timeout: 480_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    // SIGTERM lets the server close PGlite and Socket.IO instead of being killed mid-write.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
