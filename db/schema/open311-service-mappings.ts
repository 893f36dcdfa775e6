import { pgTable, real, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

const tz = { withTimezone: true, mode: 'date' } as const;

/**
 * Another GeoReport v2 server's services and the category of ours each one becomes on import. Read from the
 * server's services list, a category is proposed by our classifier (from the service's name and description);
 * an admin confirms or changes it, and only a confirmed mapping sets the category of imported requests.
 */
export const open311ServiceMappings = pgTable(
  'open311_service_mappings',
  {
    id: serial('id').primaryKey(),
    /** `host[:port]` of the server, as the import names it in externalId. */
    sourceHost: text('source_host').notNull(),
    serviceCode: text('service_code').notNull(),
    serviceName: text('service_name').notNull(),
    description: text('description'),
    /** The classifier's guess; null when it named no category with confidence. */
    proposedCategory: text('proposed_category'),
    proposedConfidence: real('proposed_confidence'),
    /** proposed: waits for an admin · confirmed: `categoryCode` applies · ignored: left to the classifier. */
    state: text('state', { enum: ['proposed', 'confirmed', 'ignored'] })
      .notNull()
      .default('proposed'),
    /** The admin's choice (confirmed only). */
    categoryCode: text('category_code'),
    confirmedBy: text('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', tz),
    /** When the services list was last read. */
    readAt: timestamp('read_at', tz).notNull(),
  },
  (t) => [
    // One row per service of a server: a new read of the list updates it, the import looks it up by both.
    uniqueIndex('open311_service_mappings_host_code_uq').on(t.sourceHost, t.serviceCode),
  ],
);

export type Open311ServiceMappingRow = typeof open311ServiceMappings.$inferSelect;
