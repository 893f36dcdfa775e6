import { bigserial, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { CREDENTIAL_KINDS } from '../../lib/domain/access';
import { displays } from './displays';
import { sources } from './sources';
import { users } from './users';

const tz = { withTimezone: true, mode: 'date' } as const;

/**
 * Every secret that proves an identity: browser sessions, personal API tokens, display tokens and source keys.
 * Only the SHA-256 of a secret is stored; it is shown once when issued. One table so that one lookup
 * authenticates any request and one column revokes any credential.
 */
export const credentials = pgTable(
  'credentials',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    tokenHash: text('token_hash').notNull(),
    kind: text('kind', { enum: CREDENTIAL_KINDS }).notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'cascade' }),
    displayId: integer('display_id').references(() => displays.id, { onDelete: 'cascade' }),
    /** A source key speaks for this channel only… */
    sourceCode: text('source_code').references(() => sources.code),
    /** …and, when set, for this federal subject only (two-digit region code). */
    regionCode: text('region_code'),
    label: text('label').notNull(),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
    expiresAt: timestamp('expires_at', tz),
    revokedAt: timestamp('revoked_at', tz),
    lastUsedAt: timestamp('last_used_at', tz),
    lastAddress: text('last_address'),
  },
  (t) => [
    // Every authenticated request looks its credential up by the secret's hash.
    uniqueIndex('credentials_token_hash_uq').on(t.tokenHash),
    // Revoking a person or a display revokes all its credentials at once.
    index('credentials_user_idx').on(t.userId),
    index('credentials_display_idx').on(t.displayId),
  ],
);

export type CredentialRow = typeof credentials.$inferSelect;
