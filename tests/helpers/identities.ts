import { randomBytes } from 'node:crypto';
import { displays } from '@/db/schema';
import type { Role } from '@/lib/domain/access';
import { createUser } from '@/lib/identity/create-user';
import { hashSecret, newSecret } from '@/lib/identity/secrets';
import { issueCredential } from '@/lib/identity/issue-credential';
import type { AppContext } from '@/lib/context';
import { getApp } from '@/lib/server/app-registry';

type IdentityContext = Pick<AppContext, 'db' | 'reference'>;

/**
 * A paired display's credential secret: `screen` is a wall layout screen id (default layout: r1c2 the region over
 * the 2×2 centre, r1c1 housing, r1c4 health, r3c3 education, …) or 'grid'. Send it as `Authorization: Bearer`, a `cur_display` cookie, or
 * Socket.IO's `auth: { token }`.
 */
export async function grantDisplay(ctx: IdentityContext, screen = 'r1c2'): Promise<string> {
  return (await pairedDisplay(ctx, screen)).secret;
}

/** Like grantDisplay, with the display's id (to revoke it). */
export async function pairedDisplay(
  ctx: IdentityContext,
  screen = 'r1c2',
): Promise<{ displayId: number; credentialId: number; secret: string }> {
  const now = new Date();
  const [row] = await ctx.db
    .insert(displays)
    .values({
      name: `Тестовый экран ${screen}`,
      screen,
      claimHash: hashSecret(newSecret('claim')),
      approvedAt: now,
      approvedBy: 'system:test',
      pairedAt: now,
    })
    .returning({ id: displays.id });
  const { id, secret } = await issueCredential(ctx.db, {
    kind: 'display',
    displayId: row!.id,
    label: `test ${screen}`,
    createdBy: 'system:test',
  });
  return { displayId: row!.id, credentialId: id, secret };
}

/** A new person with `role` (and scope codes for scoped roles) and a personal API token: the token's secret. */
export async function personalToken(
  ctx: IdentityContext,
  role: Role,
  scopes: readonly string[] = [],
): Promise<string> {
  const login = `t-${role.replace('_', '-')}-${randomBytes(4).toString('hex')}`;
  const made = await createUser(ctx.db, ctx.reference, {
    login,
    displayName: `Test ${role}`,
    role,
    scopes,
    createdBy: 'system:test',
  });
  if (!made.ok) throw new Error(`createUser: ${JSON.stringify(made.errors)}`);
  const { secret } = await issueCredential(ctx.db, {
    kind: 'personal',
    userId: made.id,
    label: 'test token',
    createdBy: 'system:test',
  });
  return secret;
}

const tokensByApp = new WeakMap<object, Map<string, Promise<string>>>();

/**
 * A bearer token of the registered app (the one the route handlers see), one per role and scope set, made on
 * first use: tests that are not about access call the routes as an admin by default.
 */
export function appToken(role: Role = 'admin', scopes: readonly string[] = []): Promise<string> {
  const { ctx } = getApp();
  let tokens = tokensByApp.get(ctx);
  if (!tokens) tokensByApp.set(ctx, (tokens = new Map()));
  const key = `${role}:${scopes.join(',')}`;
  let token = tokens.get(key);
  if (!token) tokens.set(key, (token = personalToken(ctx, role, scopes)));
  return token;
}

/** `init` with the registered app's admin (or `role`) bearer token added to its headers. */
export async function authed(
  init: RequestInit = {},
  role: Role = 'admin',
  scopes: readonly string[] = [],
): Promise<RequestInit> {
  const headers = new Headers(init.headers);
  if (!headers.has('authorization')) headers.set('authorization', `Bearer ${await appToken(role, scopes)}`);
  return { ...init, headers };
}

/** A Request to a route handler, as the registered app's admin (or `role`). */
export async function authedRequest(
  url: string,
  init: RequestInit = {},
  role: Role = 'admin',
  scopes: readonly string[] = [],
): Promise<Request> {
  return new Request(url, await authed(init, role, scopes));
}
