import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { ROLES } from '../../lib/domain/access';

const tz = { withTimezone: true, mode: 'date' } as const;

/** People who sign in: one role each; blocks, municipalities or an executor narrow it (user_scopes). */
export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    /** Lower-case login; people type it, so it is compared case-insensitively by storing it folded. */
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    /** argon2id PHC string; null until the person sets a password (never a default one). */
    passwordHash: text('password_hash'),
    /** Base32 TOTP key once the person enabled a second factor; a pending key waits in totpPending. */
    totpSecret: text('totp_secret'),
    totpPending: text('totp_pending'),
    totpEnabled: boolean('totp_enabled').notNull().default(false),
    /** The TOTP time step last accepted: a code is good once, and no older one after it (no replay). */
    totpLastStep: integer('totp_last_step'),
    /** Failed sign-ins in a row; reset by a good one. */
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', tz),
    disabledAt: timestamp('disabled_at', tz),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
    createdBy: text('created_by').notNull(),
  },
  (t) => [
    // Sign-in looks a person up by login; two people never share one.
    uniqueIndex('users_login_uq').on(t.login),
    check('users_login_folded', sql`${t.login} = lower(${t.login})`),
  ],
);

export type UserRow = typeof users.$inferSelect;
