import { index, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true, mode: 'date' } as const;

/**
 * Wall screens without keyboards. A screen asks to pair and shows a short code; an admin claims the code, names
 * the display and gives it a screen of the wall layout; the screen then holds a display credential.
 */
export const displays = pgTable(
  'displays',
  {
    id: serial('id').primaryKey(),
    /** Given by the admin on pairing; null while the screen only waits with its code. */
    name: text('name'),
    /** Wall layout screen id (lib/wall/screen-registry.ts) this display shows. */
    screen: text('screen'),
    /** SHA-256 of the short code the screen shows; cleared once paired. */
    pairingCodeHash: text('pairing_code_hash'),
    /** SHA-256 of the secret the waiting screen holds (a cookie), so only that browser collects the credential. */
    claimHash: text('claim_hash').notNull(),
    pairingExpiresAt: timestamp('pairing_expires_at', tz),
    /** Set when the admin approved; the screen collects its credential on its next poll. */
    approvedAt: timestamp('approved_at', tz),
    approvedBy: text('approved_by'),
    /** Set once the screen holds its credential (collected). */
    pairedAt: timestamp('paired_at', tz),
    revokedAt: timestamp('revoked_at', tz),
    lastSeenAt: timestamp('last_seen_at', tz),
    lastAddress: text('last_address'),
    requestAddress: text('request_address'),
    createdAt: timestamp('created_at', tz).notNull().defaultNow(),
  },
  (t) => [
    // An admin types the code: it must find one waiting screen.
    uniqueIndex('displays_pairing_code_uq').on(t.pairingCodeHash),
    // The waiting screen polls with its claim secret.
    uniqueIndex('displays_claim_uq').on(t.claimHash),
    // The admin page lists live displays first.
    index('displays_revoked_idx').on(t.revokedAt),
  ],
);

export type DisplayRow = typeof displays.$inferSelect;
