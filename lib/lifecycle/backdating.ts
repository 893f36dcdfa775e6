import { ROLES, type Actor, type Role } from '../domain/access';
import type { FieldError } from '../domain/field-errors';

/**
 * How far back each role may date a lifecycle event (`at`): a status change entered late — after a call, from
 * paper — must carry when it really happened, but a back-dated `resolved` also turns an overdue complaint into
 * an on-time one, so the center decides who may and by how much. BACKDATE_WINDOWS="operator:1440,admin:1440"
 * (minutes); a role not listed may not back-date at all (executors by default).
 */
export type BackdateWindows = Partial<Record<Role, number>>;

export const DEFAULT_BACKDATE_WINDOWS = 'operator:1440,admin:1440';

/** Clock drift between a client and the server that is not back-dating. */
const SKEW_MS = 2 * 60_000;

export function parseBackdateWindows(
  text: string,
): { ok: true; windows: BackdateWindows } | { ok: false; message: string } {
  const windows: BackdateWindows = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const match = /^([a-z_]+):(\d{1,8})$/.exec(part);
    if (!match) return { ok: false, message: `"${part}" must be role:minutes, e.g. operator:1440` };
    const role = match[1] as Role;
    if (!ROLES.includes(role))
      return { ok: false, message: `"${match[1]}" is not a role (${ROLES.join(', ')})` };
    windows[role] = Number(match[2]);
  }
  return { ok: true, windows };
}

let cached: { text: string; windows: BackdateWindows } | undefined;

/** The windows in effect (BACKDATE_WINDOWS, validated at start by lib/config.ts). */
export function backdateWindows(env: Record<string, string | undefined> = process.env): BackdateWindows {
  const text = env.BACKDATE_WINDOWS ?? DEFAULT_BACKDATE_WINDOWS;
  if (cached?.text === text) return cached.windows;
  const parsed = parseBackdateWindows(text);
  const windows = parsed.ok ? parsed.windows : {};
  cached = { text, windows };
  return windows;
}

/** Why this actor may not date an event at `at`, or null. */
export function backdatingFault(
  actor: Actor,
  at: string | undefined,
  now: Date,
  windows: BackdateWindows,
): FieldError | null {
  if (at === undefined) return null;
  const earlier = now.getTime() - new Date(at).getTime();
  if (earlier <= SKEW_MS) return null;
  if (actor.kind === 'system') return null;
  const minutes = actor.kind === 'user' ? windows[actor.role] : undefined;
  if (minutes === undefined)
    return { field: 'at', message: 'this identity may not back-date events; leave `at` out to record now' };
  if (earlier > minutes * 60_000 + SKEW_MS)
    return { field: 'at', message: `may be at most ${minutes} minutes in the past for this role` };
  return null;
}
