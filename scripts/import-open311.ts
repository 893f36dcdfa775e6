/**
 * Imports requests from another GeoReport v2 server into intake and prints the report (JSON). Opens the
 * database the way server.ts does; on PGlite stop the server first (one process per data folder), or use
 * `POST /api/v1/imports/open311` against the running server instead.
 * Usage: npx tsx scripts/import-open311.ts --url <base> [--since ISO] [--until ISO] [--time-zone Europe/Berlin]
 *        [--service-map map.json]   (a JSON object: their service_code → our category code, over the
 *        mapping an admin confirmed for this server)
 * --time-zone is needed only when the server writes times without an offset: without it such a feed is refused.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createApp } from '../lib/app/create-app';
import { loadConfig } from '../lib/config';
import { importOpen311 } from '../lib/open311/import-requests';

const USAGE =
  'usage: tsx scripts/import-open311.ts --url <base> [--since ISO] [--until ISO] [--time-zone ZONE] [--service-map FILE]';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      'time-zone': { type: 'string' },
      'service-map': { type: 'string' },
    },
  });
  if (!values.url) {
    console.error(USAGE);
    return 2;
  }
  const serviceMap = values['service-map']
    ? (JSON.parse(readFileSync(values['service-map'], 'utf8')) as Record<string, string>)
    : undefined;
  const config = loadConfig();
  const app = await createApp({
    database: { databaseUrl: config.DATABASE_URL, pgliteDir: config.PGLITE_DIR },
    hubs: false,
  });
  const { ctx } = app;
  try {
    const report = await importOpen311(ctx, {
      baseUrl: values.url,
      since: values.since,
      until: values.until,
      timeZone: values['time-zone'],
      serviceMap,
    });
    console.log(JSON.stringify(report, null, 2));
    return report.error ? 1 : 0;
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
