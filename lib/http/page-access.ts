import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { can, type Action, type Actor, type Resource } from '../domain/access';
import { authenticateSecret } from '../identity/authenticate';
import { getApp } from '../server/app-registry';
import { CLIENT_ADDRESS_HEADER } from '../server/client-address';

/** Who is looking at a page: the session or display cookie (pages take no bearer tokens). */
export async function pageActor(): Promise<Actor> {
  const { ctx } = getApp();
  const jar = await cookies();
  const head = await headers();
  const cookie = jar
    .getAll()
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
  const auth = await authenticateSecret(
    ctx.db,
    { cookie, address: head.get(CLIENT_ADDRESS_HEADER) },
    ctx.now(),
  );
  return auth.actor;
}

export interface PageGate {
  /** This page's own path, to come back to after signing in or pairing. */
  from: string;
  /** A wall screen: without an identity it shows the pairing code instead of the sign-in form. */
  wall?: boolean;
}

/**
 * The page's decision, through the same `can()` as the API: the actor when allowed; otherwise a redirect to
 * sign in (or to pair, for a wall screen), or to the sign-in page saying this identity may not see it.
 */
export async function requirePage(
  action: Action,
  resource: Resource | undefined,
  gate: PageGate,
): Promise<Actor> {
  const actor = await pageActor();
  const decision = can(actor, action, resource);
  if (decision.ok) return actor;
  const next = encodeURIComponent(gate.from);
  if (decision.status === 401) redirect(gate.wall ? `/pair?next=${next}` : `/login?next=${next}`);
  redirect(`/login?denied=1&next=${next}`);
}
