import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { credentials, displays, userScopes, users } from '../../db/schema';
import type { Actor, UserScopes } from '../domain/access';
import { loadWallConfig } from '../wall/load-wall-config';
import { DISPLAY_COOKIE, parseCookies, SESSION_COOKIE } from './cookies';
import { displayGrant } from './display-grant';
import { hashSecret } from './secrets';
import { noteCredentialUse } from './note-credential-use';

/** Where a request's credential came from: cookies need CSRF checks on writes, bearer tokens do not. */
export type CredentialCarrier = 'cookie' | 'bearer' | null;

export interface Authentication {
  actor: Actor;
  carrier: CredentialCarrier;
  /** Set when a credential was presented but is unknown, revoked, expired or malformed: answer 401. */
  refused?: string;
}

export interface CredentialHeaders {
  authorization?: string | null;
  cookie?: string | null;
  address?: string | null;
}

const ANONYMOUS: Actor = { kind: 'anonymous' };
const MAX_SECRET_LENGTH = 200;

function presented(
  headers: CredentialHeaders,
): { secret: string; carrier: CredentialCarrier } | string | null {
  const authorization = headers.authorization?.trim();
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (!match) return 'Authorization must be "Bearer <token>"';
    return { secret: match[1]!, carrier: 'bearer' };
  }
  const cookies = parseCookies(headers.cookie);
  const secret = cookies.get(SESSION_COOKIE) || cookies.get(DISPLAY_COOKIE);
  return secret ? { secret, carrier: 'cookie' } : null;
}

async function scopesOf(db: Db, userId: number): Promise<UserScopes> {
  const rows = await db
    .select({ kind: userScopes.kind, code: userScopes.code })
    .from(userScopes)
    .where(eq(userScopes.userId, userId));
  const pick = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.code);
  return { blocks: pick('block'), municipalities: pick('municipality'), executors: pick('executor') };
}

/**
 * Who is asking: the credential in `Authorization: Bearer` or in the session/display cookie, looked up by its
 * hash. No credential → anonymous; a bad one → anonymous with `refused` (the caller answers 401, never falls
 * back to public access silently).
 */
export async function authenticateSecret(
  db: Db,
  headers: CredentialHeaders,
  now: Date,
): Promise<Authentication> {
  const found = presented(headers);
  if (found === null) return { actor: ANONYMOUS, carrier: null };
  if (typeof found === 'string') return { actor: ANONYMOUS, carrier: null, refused: found };
  const { secret, carrier } = found;
  const refused = (why: string): Authentication => ({ actor: ANONYMOUS, carrier, refused: why });
  if (secret.length > MAX_SECRET_LENGTH) return refused('the credential is not valid');

  const [row] = await db
    .select({ credential: credentials, user: users, display: displays })
    .from(credentials)
    .leftJoin(users, eq(users.id, credentials.userId))
    .leftJoin(displays, eq(displays.id, credentials.displayId))
    .where(and(eq(credentials.tokenHash, hashSecret(secret)), isNull(credentials.revokedAt)))
    .limit(1);
  if (!row) return refused('the credential is unknown or revoked');
  const { credential, user, display } = row;
  if (credential.expiresAt && credential.expiresAt <= now) return refused('the session has expired');
  noteCredentialUse(db, credential.id, headers.address ?? null, now);

  switch (credential.kind) {
    case 'session':
    case 'personal': {
      if (!user || user.disabledAt) return refused('the account is disabled');
      return {
        carrier,
        actor: {
          kind: 'user',
          userId: user.id,
          login: user.login,
          name: user.displayName,
          role: user.role,
          scopes: await scopesOf(db, user.id),
          credentialId: credential.id,
          via: credential.kind,
        },
      };
    }
    case 'display': {
      if (!display || display.revokedAt) return refused('the display was revoked');
      return {
        carrier,
        actor: {
          kind: 'display',
          displayId: display.id,
          name: display.name ?? `Экран ${display.id}`,
          screen: display.screen,
          grant: displayGrant(loadWallConfig(), display.screen),
          credentialId: credential.id,
        },
      };
    }
    case 'source': {
      if (!credential.sourceCode) return refused('the key names no source');
      return {
        carrier,
        actor: {
          kind: 'source',
          source: credential.sourceCode,
          region: credential.regionCode,
          credentialId: credential.id,
          label: credential.label,
        },
      };
    }
  }
}
