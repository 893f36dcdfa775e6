import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { z } from 'zod';
import { users } from '../../db/schema';
import { ROLES, type Actor } from '../domain/access';
import type { AppContext } from '../context';
import { recordAudit } from './audit';
import { createUser, userProblems } from './create-user';
import { issueCredential } from './issue-credential';
import { createOneTimeLink } from './one-time-links';

const HOUR_MS = 3600_000;
const SYSTEM: Actor = { kind: 'system', name: 'bootstrap' };
const CREATED_BY = 'system:bootstrap';

const FILE_SCHEMA = z.strictObject({
  users: z
    .array(
      z.strictObject({
        login: z.string(),
        name: z.string(),
        role: z.enum(ROLES),
        scopes: z.array(z.string()).optional(),
        /** true: a random password is generated and written to the secrets file. */
        password: z.literal(true).optional(),
        /** true: also a browser session (24 h), for tests and kiosks that start signed in. */
        session: z.literal(true).optional(),
      }),
    )
    .min(1, 'must list at least one user'),
});

export interface ProvisionedUser {
  id: number;
  role: string;
  /** Personal API token (`Authorization: Bearer`). */
  token: string;
  password?: string;
  /** Value of the `cur_session` cookie. */
  session?: string;
  /** One-time link (72 h) to set a password, for users given none. */
  setPasswordUrl?: string;
}

export interface ProvisionRequest {
  file: string;
  /** Where the secrets go (mode 0600). */
  secretsFile: string;
  publicUrl: string;
}

export class ProvisioningError extends Error {}

function readIdentities(file: string): z.infer<typeof FILE_SCHEMA> {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ProvisioningError(`${file}: cannot read it as JSON (${(error as Error).message})`);
  }
  const parsed = FILE_SCHEMA.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`);
    throw new ProvisioningError(`${file}:\n${issues.join('\n')}`);
  }
  return parsed.data;
}

/** A password that always passes passwordProblem: 24 random base64url characters. */
function generatedPassword(login: string): string {
  for (;;) {
    const password = randomBytes(18).toString('base64url');
    if (!password.toLowerCase().includes(login.toLowerCase())) return password;
  }
}

/**
 * Infrastructure as code for a new instance: creates the users the file lists, each with a personal token,
 * but only on an empty users table (a restart never re-creates or changes anyone). Every entry is checked
 * before the first is created. Returns the secrets written, or null when users already existed.
 */
export async function provisionIdentities(
  ctx: AppContext,
  request: ProvisionRequest,
): Promise<Record<string, ProvisionedUser> | null> {
  const { users: entries } = readIdentities(request.file);
  const [existing] = await ctx.db.select({ n: count() }).from(users);
  if ((existing?.n ?? 0) > 0) return null;

  const inputs = entries.map((entry) => ({
    entry,
    input: {
      login: entry.login,
      displayName: entry.name,
      role: entry.role,
      scopes: entry.scopes,
      password: entry.password ? generatedPassword(entry.login) : undefined,
      createdBy: CREATED_BY,
    },
  }));
  const problems = inputs.flatMap(({ input }, i) =>
    userProblems(input, ctx.reference).map((p) => `  users.${i}.${p.field}: ${p.message}`),
  );
  const logins = inputs.map(({ input }) => input.login.trim().toLowerCase());
  logins.forEach((login, i) => {
    if (logins.indexOf(login) !== i)
      problems.push(`  users.${i}.login: duplicates users.${logins.indexOf(login)}`);
  });
  if (problems.length > 0) throw new ProvisioningError(`${request.file}:\n${problems.join('\n')}`);

  const now = ctx.now();
  const secrets: Record<string, ProvisionedUser> = {};
  for (const { entry, input } of inputs) {
    const created = await createUser(ctx.db, ctx.reference, input);
    if (!created.ok)
      throw new ProvisioningError(`${request.file}: ${entry.login}: ${JSON.stringify(created.errors)}`);
    const userId = created.id;
    const target = `user:${input.login.trim().toLowerCase()}`;
    await recordAudit(ctx.db, {
      actor: SYSTEM,
      action: 'user_created',
      target,
      detail: { role: entry.role, scopes: entry.scopes ?? [] },
    });
    const token = await issueCredential(ctx.db, {
      kind: 'personal',
      label: 'bootstrap',
      createdBy: CREATED_BY,
      userId,
    });
    await recordAudit(ctx.db, {
      actor: SYSTEM,
      action: 'token_issued',
      target,
      detail: { credentialId: token.id, kind: 'personal' },
    });
    const out: ProvisionedUser = { id: userId, role: entry.role, token: token.secret };
    if (input.password) out.password = input.password;
    else {
      const link = await createOneTimeLink(ctx.db, 'set_password', 72 * HOUR_MS, now, { userId });
      out.setPasswordUrl = `${request.publicUrl}/password/${link.token}`;
    }
    if (entry.session) {
      const session = await issueCredential(ctx.db, {
        kind: 'session',
        label: 'bootstrap',
        createdBy: CREATED_BY,
        userId,
        expiresAt: new Date(now.getTime() + 24 * HOUR_MS),
      });
      out.session = session.secret;
    }
    secrets[input.login.trim().toLowerCase()] = out;
  }
  mkdirSync(path.dirname(path.resolve(request.secretsFile)), { recursive: true });
  writeFileSync(request.secretsFile, `${JSON.stringify({ users: secrets }, null, 2)}\n`, { mode: 0o600 });
  // The mode above applies only to a new file.
  chmodSync(request.secretsFile, 0o600);
  return secrets;
}
