import { integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { SCOPE_KINDS } from '../../lib/domain/access';
import { users } from './users';

/** What narrows a role: the blocks of a block lead, the municipalities of a municipal user, an executor. */
export const userScopes = pgTable(
  'user_scopes',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: SCOPE_KINDS }).notNull(),
    code: text('code').notNull(),
  },
  // The primary key leads with the user: authentication reads one person's scopes at a time.
  (t) => [primaryKey({ name: 'user_scopes_pk', columns: [t.userId, t.kind, t.code] })],
);
