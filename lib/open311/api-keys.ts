import type { Db } from '../../db/client';
import type { Actor } from '../domain/access';
import { authenticateSecret } from '../identity/authenticate';

export type SourceKeyActor = Extract<Actor, { kind: 'source' }>;

/**
 * The source key a live Open311 `api_key` is (its source and region), or null for an unknown, revoked or expired key or for any
 * credential that is not a source key. The key is a source key from the one credential store (issued on the
 * admin page or by `npm run admin`), looked up as if it had come as `Authorization: Bearer`, so its last use
 * is recorded the same way.
 */
export async function verifyApiKey(
  db: Db,
  key: string,
  now: Date = new Date(),
): Promise<SourceKeyActor | null> {
  if (key === '' || /\s/.test(key)) return null;
  const { actor } = await authenticateSecret(db, { authorization: `Bearer ${key}` }, now);
  return actor.kind === 'source' ? actor : null;
}
