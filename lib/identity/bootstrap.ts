import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { AppContext } from '../context';
import { loadWallConfig } from '../wall/load-wall-config';
import { recordAudit } from './audit';
import { GRID_SCREEN } from './display-grant';
import { createOneTimeLink, voidOneTimeLinks } from './one-time-links';

const DAY_MS = 24 * 3600_000;
const SYSTEM = { kind: 'system', name: 'bootstrap' } as const;
/** The name the ready display link gives the screen of the machine the server runs on. */
const LOCAL_DISPLAY_NAME = 'Экран этого компьютера';

export interface BootstrapOptions {
  /** The address people open the app at, without a trailing slash. */
  publicUrl: string;
  /** The embedded database: the server runs on this machine, so a display link for it is useful. */
  embedded: boolean;
}

export interface BootstrapLinks {
  /** Opens the form that creates the first administrator; null once an administrator exists. */
  firstAdminUrl: string | null;
  /** Pairs the browser that opens it as a wall display; null unless embedded and still without an admin. */
  displayUrl: string | null;
}

/**
 * No default password: while no administrator exists, each start voids the previous first-admin link and
 * prints a new one (24 h, works once). On the embedded default it also prints a ready display link, so the
 * README's first command still ends on a live wall without anyone typing a pairing code.
 */
export async function bootstrapIdentities(
  ctx: AppContext,
  options: BootstrapOptions,
): Promise<BootstrapLinks> {
  const { db } = ctx;
  const now = ctx.now();
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    // Any admin, disabled too: the set-up form refuses once one exists (lib/identity/first-admin.ts), and a
    // center whose admins are all disabled recovers with the CLI (`user create --role admin`).
    .where(eq(users.role, 'admin'))
    .limit(1);
  if (admin) return { firstAdminUrl: null, displayUrl: null };

  await voidOneTimeLinks(db, 'first_admin', now);
  const first = await createOneTimeLink(db, 'first_admin', DAY_MS, now);
  const firstAdminUrl = `${options.publicUrl}/setup/${first.token}`;
  if (!options.embedded) return { firstAdminUrl, displayUrl: null };

  const screen = loadWallConfig().screens[0]?.id ?? GRID_SCREEN;
  const display = await createOneTimeLink(db, 'display', DAY_MS, now, {
    screen,
    name: LOCAL_DISPLAY_NAME,
    createdBy: 'system:bootstrap',
  });
  await recordAudit(db, {
    actor: SYSTEM,
    action: 'display_link_issued',
    target: `screen:${screen}`,
    detail: { screen, name: LOCAL_DISPLAY_NAME, expiresAt: display.expiresAt.toISOString() },
  });
  return { firstAdminUrl, displayUrl: `${options.publicUrl}/pair/link/${display.token}` };
}
