import { defineConfig } from 'drizzle-kit';

// Migrations are generated once and committed; both PGlite and PostgreSQL apply the same files at start-up.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
});
