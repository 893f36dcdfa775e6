import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { userScopes, users } from '../../db/schema';
import { ROLE_SCOPE, type Role, type ScopeKind } from '../domain/access';
import type { FieldError } from '../domain/field-errors';
import type { ReferenceCache } from '../reference/types';
import { hashPassword, passwordProblem } from './passwords';

export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
  /** Codes of the role's scope kind (blocks, OKTMOs or executor codes); required for scoped roles. */
  scopes?: readonly string[];
  /** Absent: the person sets it through a one-time link. */
  password?: string;
  createdBy: string;
}

const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/** Every problem with the new user's fields, named by field; [] when it can be created. */
export function userProblems(input: NewUser, reference: ReferenceCache): FieldError[] {
  const problems: FieldError[] = [];
  const login = input.login.trim().toLowerCase();
  if (!LOGIN_PATTERN.test(login))
    problems.push({
      field: 'login',
      message: 'must be 2–63 latin letters, digits, dots, hyphens or underscores',
    });
  if (input.displayName.trim().length === 0 || input.displayName.length > 200)
    problems.push({ field: 'displayName', message: 'must be 1–200 characters' });
  problems.push(...scopeProblems(input.role, input.scopes ?? [], reference));
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password, login);
    if (problem) problems.push({ field: 'password', message: problem });
  }
  return problems;
}

/** A scoped role needs at least one code, each known to the reference; an unscoped role takes none. */
export function scopeProblems(role: Role, codes: readonly string[], reference: ReferenceCache): FieldError[] {
  const kind = ROLE_SCOPE[role];
  if (kind === null)
    return codes.length > 0 ? [{ field: 'scopes', message: `the role ${role} takes no scopes` }] : [];
  if (codes.length === 0)
    return [{ field: 'scopes', message: `the role ${role} needs at least one ${kind}` }];
  const known = knownCodes(kind, reference);
  return codes
    .map((code, i) => ({ code, i }))
    .filter(({ code }) => !known(code))
    .map(({ code, i }) => ({ field: `scopes[${i}]`, message: `unknown ${kind} ${JSON.stringify(code)}` }));
}

function knownCodes(kind: ScopeKind, reference: ReferenceCache): (code: string) => boolean {
  switch (kind) {
    case 'block':
      return (code) => reference.blocks.has(code);
    case 'municipality':
      return (code) => reference.municipalities.has(code);
    case 'executor':
      return (code) => reference.executors.has(code);
  }
}

export type CreateUserResult =
  { ok: true; id: number } | { ok: false; status: 400 | 409; errors: FieldError[] };

/** Creates a person with a role and its scopes; 409 when the login is taken. */
export async function createUser(
  db: Db,
  reference: ReferenceCache,
  input: NewUser,
): Promise<CreateUserResult> {
  const errors = userProblems(input, reference);
  if (errors.length > 0) return { ok: false, status: 400, errors };
  const login = input.login.trim().toLowerCase();
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.login, login)).limit(1);
    if (taken) return { ok: false, status: 409, errors: [{ field: 'login', message: 'is taken' }] };
    const [row] = await tx
      .insert(users)
      .values({
        login,
        displayName: input.displayName.trim(),
        role: input.role,
        passwordHash,
        createdBy: input.createdBy,
      })
      .returning({ id: users.id });
    const kind = ROLE_SCOPE[input.role];
    const codes = [...new Set(input.scopes ?? [])];
    if (kind && codes.length > 0)
      await tx.insert(userScopes).values(codes.map((code) => ({ userId: row!.id, kind, code })));
    return { ok: true, id: row!.id };
  });
}
