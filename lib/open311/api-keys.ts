import type { Db } from '../../db/client';
import { authenticateSecret } from '../identity/authenticate';

/**
 * The source a live Open311 `api_key` speaks for, or null for an unknown, revoked or expired key or for any
 * credential that is not a source key. The key is a source key from the one credential store (issued on the
 * admin page or by `npm run admin`), looked up as if it had come as `Authorization: Bearer`, so its last use
 * is recorded the same way.
 */
export async function verifyApiKey(db: Db, key: string, now: Date = new Date()): Promise<string | null> {
  if (key === '' || /\s/.test(key)) return null;
  const { actor } = await authenticateSecret(db, { authorization: `Bearer ${key}` }, now);
  return actor.kind === 'source' ? actor.source : null;
}
