import { readFileSync } from 'node:fs';
import type { BrowserContext, PlaywrightTestArgs, PlaywrightTestOptions, TestType } from '@playwright/test';

/**
 * Who the browser tests are. The e2e server provisions tests/e2e/identities.json at start
 * (BOOTSTRAP_IDENTITIES_FILE, see playwright.config.ts) and writes each user's secrets to
 * test-results/e2e-identities.json; the logins there are the role names.
 */
export type E2ERole = 'admin' | 'operator' | 'block_lead' | 'municipal' | 'executor' | 'analyst';

interface Secrets {
  token: string;
  session?: string;
  password?: string;
}

const SECRETS_FILE = 'test-results/e2e-identities.json';

/** The secrets of one seeded user; read when asked, since the server writes the file after the specs load. */
export function identityOf(role: E2ERole, secretsFile = SECRETS_FILE): Secrets {
  const { users } = JSON.parse(readFileSync(secretsFile, 'utf8')) as { users: Record<string, Secrets> };
  const found = users[role];
  if (!found) throw new Error(`${secretsFile} has no user "${role}": is the e2e server provisioned?`);
  return found;
}

/** Headers for an API call as that role: its personal token (no cookie, so no CSRF check applies). */
export function bearer(role: E2ERole, secretsFile?: string): Record<string, string> {
  return { Authorization: `Bearer ${identityOf(role, secretsFile).token}` };
}

function sessionOf(role: E2ERole, secretsFile?: string): string {
  const session = identityOf(role, secretsFile).session;
  if (!session) throw new Error(`the e2e user "${role}" has no session: give it "session": true`);
  return session;
}

/** Signs a browser context in as that role: its session cookie, as the login page would set it. */
export async function signInAs(
  context: BrowserContext,
  role: E2ERole,
  baseURL: string,
  secretsFile?: string,
): Promise<void> {
  await context.addCookies([
    {
      name: 'cur_session',
      value: sessionOf(role, secretsFile),
      url: baseURL,
      httpOnly: true,
      sameSite: 'Lax',
    },
  ]);
}

type Options = Parameters<TestType<PlaywrightTestArgs & PlaywrightTestOptions, object>['use']>[0];

/**
 * For `test.use(signedInAs('operator'))`: every page, context and `request` of the file carries that role's
 * session cookie (reads only; writes through `request` send `headers: bearer(role)`).
 */
export function signedInAs(role: E2ERole): Options {
  return {
    storageState: async ({ baseURL }, provide) => {
      const { hostname } = new URL(baseURL!);
      await provide({
        cookies: [
          {
            name: 'cur_session',
            value: sessionOf(role),
            domain: hostname,
            path: '/',
            expires: -1,
            httpOnly: true,
            secure: false,
            sameSite: 'Lax',
          },
        ],
        origins: [],
      });
    },
  };
}
