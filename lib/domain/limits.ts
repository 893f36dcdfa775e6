/** Published intake limits (README and OpenAPI quote these). */
export const MAX_BATCH_ITEMS = 1000;
export const MAX_BODY_BYTES = 4 * 1024 * 1024;
export const MAX_TEXT_CHARS = 4000;
export const MAX_ADDRESS_CHARS = 500;
export const MAX_EXTERNAL_ID_CHARS = 200;
/** Clock skew tolerated for `receivedAt` ahead of the server's clock. */
export const MAX_FUTURE_SKEW_MS = 5 * 60 * 1000;
/** Older timestamps are garbage (a default 0001-01-01, a unit mix-up), not history. */
export const MAX_PAST_MS = 5 * 365 * 24 * 3600 * 1000;
/** Without a category the executor still has to answer within the 8-day limit. */
export const DEFAULT_DEADLINE_HOURS = 192;
