/**
 * Issues (or revokes) an Open311 api_key, opening the database the way server.ts does (DATABASE_URL, else
 * PGlite in PGLITE_DIR). The plain key is printed once and never stored: only its SHA-256 is.
 * PGlite allows one process per data folder: stop the server first when it runs on PGlite.
 * Usage: npx tsx scripts/issue-api-key.ts --source <code> --label <text>
 *        npx tsx scripts/issue-api-key.ts --revoke <key>
 */
import { parseArgs } from 'node:util';
import { createApp } from '../lib/app/create-app';
import { loadConfig } from '../lib/config';
import { issueApiKey, revokeApiKey } from '../lib/open311/api-keys';

const USAGE =
  'usage: tsx scripts/issue-api-key.ts --source <source code> --label <who holds it>\n' +
  '       tsx scripts/issue-api-key.ts --revoke <key>';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { source: { type: 'string' }, label: { type: 'string' }, revoke: { type: 'string' } },
  });
  const revoking = values.revoke !== undefined;
  if (!revoking && (!values.source || !values.label?.trim())) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const app = await createApp({
    database: { databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR },
    hubs: false,
  });
  const { ctx } = app;
  try {
    if (revoking) {
      const done = await revokeApiKey(ctx.db, values.revoke!);
      console.log(done ? 'revoked' : 'no live key matched: nothing revoked');
      return done ? 0 : 1;
    }
    if (!ctx.reference.sources.has(values.source!)) {
      const known = [...ctx.reference.sources.keys()].join(', ');
      console.error(`--source: unknown source code "${values.source}"; known: ${known}`);
      return 2;
    }
    const key = await issueApiKey(ctx.db, values.source!, values.label!.trim());
    console.log(`api_key for source "${values.source}" (${values.label!.trim()}), shown once:\n${key}`);
    return 0;
  } finally {
    await app.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
