import type { Db } from '../../db/client';
import type { Actor } from '../domain/access';
import { recordAudit } from './audit';
import type { Revocations } from './revocations';
import { revokeCredentials } from './revoke-credentials';

/** Ends the browser session the request came with: its credential is revoked, its live sockets dropped. */
export async function signOut(
  db: Db,
  revocations: Revocations | null,
  actor: Extract<Actor, { kind: 'user' }>,
  now: Date,
  address: string | null,
): Promise<void> {
  await revokeCredentials(db, revocations, { id: actor.credentialId }, now);
  await recordAudit(db, {
    actor,
    action: 'logout',
    target: `user:${actor.login}`,
    address,
    detail: { credentialId: actor.credentialId },
  });
}
