import type { Db } from '../../db/client';
import { issueCredential } from './issue-credential';

const DEFAULT_SESSION_HOURS = 12;

/** How long a browser session lives (SESSION_HOURS, default 12 h: one working shift); read on each sign-in. */
function sessionHours(env: Record<string, string | undefined> = process.env): number {
  const hours = Number(env.SESSION_HOURS);
  return Number.isFinite(hours) && hours > 0 && hours <= 24 * 30 ? hours : DEFAULT_SESSION_HOURS;
}

export interface StartedSession {
  credentialId: number;
  secret: string;
  expiresAt: Date;
}

/** Issues a session credential for a person who just proved who they are (sign-in, first admin). */
export async function startSession(
  db: Db,
  user: { id: number; login: string },
  now: Date,
  label = 'Вход из браузера',
): Promise<StartedSession> {
  const expiresAt = new Date(now.getTime() + sessionHours() * 3_600_000);
  const { id, secret } = await issueCredential(db, {
    kind: 'session',
    label,
    createdBy: `user:${user.login}`,
    userId: user.id,
    expiresAt,
  });
  return { credentialId: id, secret, expiresAt };
}
