import type { Db } from '../../db/client';
import { actorRef, type Actor } from '../domain/access';
import type { FieldError } from '../domain/field-errors';
import type { ReferenceCache } from '../reference/types';
import { recordAudit } from './audit';
import { createUser, type NewUser } from './create-user';
import { issuePasswordLink } from './password-link';

export type AdminCreateUserResult =
  { ok: true; id: number; passwordLink?: string } | { ok: false; status: 400 | 409; errors: FieldError[] };

/**
 * An admin adds a person: created and audited; without a password the answer carries the one-time link where
 * the person sets it (shown once).
 */
export async function adminCreateUser(
  db: Db,
  reference: ReferenceCache,
  by: Actor,
  input: Omit<NewUser, 'createdBy'>,
  now: Date,
  address: string | null = null,
): Promise<AdminCreateUserResult> {
  const created = await createUser(db, reference, { ...input, createdBy: actorRef(by) });
  if (!created.ok) return created;
  await recordAudit(db, {
    actor: by,
    action: 'user_created',
    target: `user:${created.id}`,
    address,
    detail: {
      login: input.login.trim().toLowerCase(),
      role: input.role,
      scopes: [...new Set(input.scopes ?? [])],
      passwordSet: input.password !== undefined,
    },
  });
  if (input.password !== undefined) return { ok: true, id: created.id };
  const link = await issuePasswordLink(db, by, created.id, now, address);
  return link.ok ? { ok: true, id: created.id, passwordLink: link.link } : { ok: true, id: created.id };
}
