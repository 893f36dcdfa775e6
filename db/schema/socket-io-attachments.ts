import { bigserial, customType, pgTable, timestamp } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * Payloads too large for a NOTIFY, left here by @socket.io/postgres-adapter for the other nodes (its documented
 * table; the adapter prunes it). Cross-node broadcasts are small (revocations, reload), so it stays near empty.
 */
export const socketIoAttachments = pgTable('socket_io_attachments', {
  id: bigserial('id', { mode: 'number' }).unique(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).defaultNow(),
  payload: bytea('payload'),
});
