import { and, asc, eq, inArray, like, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { complaintEvents, complaints } from '@/db/schema';
import { importOpen311 } from '@/lib/open311/import-requests';
import type { ImportOptions, ImportReport } from '@/lib/open311/import-types';
import { rebuildRollups } from '@/lib/rollups/rebuild-rollups';
import { fixtureFetch, fixtureText } from '../fixtures/open311/fixture-fetch';
import { createTestApp, type TestApp } from '../helpers/test-context';

const NOW = new Date('2026-11-21T12:00:00+03:00');
const CHICAGO = 'https://chicago.example.org/open311/v2';
const OBLAST = 'https://311.oblast.example.ru/open311/v2';
// One window from 2019 on: the fixtures hold history older than five years.
const PERIOD = { since: '2019-01-01T00:00:00Z', until: NOW.toISOString(), windowDays: 3000 };
const ROLLUPS = [
  'rollup_hourly',
  'rollup_hourly_scope',
  'rollup_category_hourly',
  'rollup_open',
  'rollup_open_cells',
];
const COUNTS = ['n', 'resolved', 'on_time', 'late', 'very_late'];

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ now: () => NOW });
});
afterAll(() => app.close());

const run = (
  baseUrl: string,
  file: string | { body: string; type: string },
  extra: Partial<ImportOptions> = {},
) =>
  importOpen311(app.ctx, {
    baseUrl,
    ...PERIOD,
    fetch: fixtureFetch({ [`${baseUrl}/requests.json`]: file }),
    ...extra,
  });

const storedOf = (host: string) =>
  app.ctx.db
    .select()
    .from(complaints)
    .where(and(eq(complaints.sourceCode, 'open311'), like(complaints.externalId, `${host}:%`)))
    .orderBy(asc(complaints.externalId));

async function openBacklog(): Promise<number> {
  const [row] = rowsOf<{ n: string | number }>(
    await app.ctx.db.execute(
      sql`select coalesce(sum(on_time + late + very_late), 0) as n from rollup_open where municipality_oktmo = '*' and block_code = '*'`,
    ),
  );
  return Number(row!.n);
}

async function tableRows(table: string): Promise<string[]> {
  const rows = rowsOf<Record<string, unknown>>(await app.ctx.db.execute(sql.raw(`select * from ${table}`)));
  return rows
    .map((r) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          COUNTS.includes(k) ? Number(v) : k === 'bucket' ? new Date(String(v)).toISOString() : v,
        ]),
      ),
    )
    .filter((r) => COUNTS.some((c) => (r[c] ?? 0) !== 0))
    .map((r) => JSON.stringify(r))
    .sort();
}

describe('a Chicago-shaped feed of mostly closed requests', () => {
  let report: ImportReport;
  let backlogBefore: number;

  beforeAll(async () => {
    backlogBefore = await openBacklog();
    report = await run(CHICAGO, 'chicago-like.json');
  });

  it('reads 49 closed and 1 open, and stores them so: closed, not open and overdue', async () => {
    expect(report.error).toBeNull();
    expect(report.feedStates).toEqual({ open: 1, inProgress: 0, closed: 49 });
    expect(report.created).toBe(50);
    expect(report.skipped).toEqual([]);
    expect(report.lifecycle).toMatchObject({ closed: 49, reopened: 0 });
    const rows = await storedOf('chicago.example.org');
    expect(rows.filter((r) => r.status === 'closed')).toHaveLength(49);
    const open = rows.filter((r) => r.status !== 'closed');
    expect(open).toHaveLength(1);
    // Its due time is the feed's expected_datetime, a month ahead: on time, not overdue.
    expect(open[0]!.dueAt.toISOString()).toBe('2026-12-18T15:00:00.000Z');
    expect(open[0]!.slaState).toBe('on_time');
    expect(await openBacklog()).toBe(backlogBefore + 1);
  });

  it('keeps the history: received at requested_datetime, closed at updated_datetime with the note', async () => {
    const [row] = await app.ctx.db
      .select()
      .from(complaints)
      .where(eq(complaints.externalId, 'chicago.example.org:SR26-01000000'));
    expect(row!.receivedAt.toISOString()).toBe('2026-09-01T13:00:00.000Z');
    expect(row!.closedAt!.toISOString()).toBe('2026-09-03T16:00:00.000Z');
    expect(row!.dueAt.toISOString()).toBe('2026-09-08T13:00:00.000Z'); // expected_datetime
    const events = await app.ctx.db
      .select()
      .from(complaintEvents)
      .where(eq(complaintEvents.complaintId, row!.id))
      .orderBy(asc(complaintEvents.at), asc(complaintEvents.id));
    expect(events[0]).toMatchObject({ type: 'created', toStatus: 'new' });
    expect(events[0]!.at.toISOString()).toBe('2026-09-01T13:00:00.000Z');
    const closing = events.at(-1)!;
    expect(closing).toMatchObject({
      type: 'status',
      toStatus: 'closed',
      actor: 'open311:chicago.example.org',
      comment: 'Request closed: completed',
    });
    expect(closing.at.toISOString()).toBe('2026-09-03T16:00:00.000Z');
  });

  it('imports closed history of any age (the five-year limit is for live intake)', async () => {
    const old = (await storedOf('chicago.example.org')).filter((r) => r.receivedAt.getUTCFullYear() < 2021);
    expect(old.map((r) => r.status)).toEqual(['closed', 'closed', 'closed']);
  });

  it('moves the rollups exactly as a rebuild from the rows counts them', async () => {
    const incremental = await Promise.all(ROLLUPS.map(tableRows));
    await rebuildRollups(app.ctx.db, NOW);
    const rebuilt = await Promise.all(ROLLUPS.map(tableRows));
    ROLLUPS.forEach((table, i) => expect(incremental[i], table).toEqual(rebuilt[i]));
  });

  it('a second import changes nothing; a changed feed moves the state without a duplicate', async () => {
    const eventsBefore = await app.ctx.db.$count(complaintEvents);
    const again = await run(CHICAGO, 'chicago-like.json');
    expect([again.created, again.duplicates]).toEqual([0, 50]);
    expect(again.lifecycle).toEqual({ closed: 0, reopened: 0, inProgress: 0, dueFromFeed: 0 });
    expect(await app.ctx.db.$count(complaintEvents)).toBe(eventsBefore);

    // The open request is closed by now, and one closed request was reopened by the city.
    const feed = JSON.parse(fixtureText('chicago-like.json')) as Record<string, unknown>[];
    const last = feed.at(-1)!;
    Object.assign(last, {
      status: 'closed',
      updated_datetime: '2026-11-20T09:00:00-05:00',
      status_notes: 'Completed',
    });
    Object.assign(feed[0]!, { status: 'open', updated_datetime: '2026-11-20T10:00:00-05:00' });
    const changed = await run(CHICAGO, { body: JSON.stringify(feed), type: 'application/json' });
    expect([changed.created, changed.duplicates]).toEqual([0, 50]);
    expect(changed.lifecycle).toMatchObject({ closed: 1, reopened: 1 });
    const rows = await storedOf('chicago.example.org');
    expect(rows).toHaveLength(50);
    expect(rows.find((r) => r.externalId.endsWith(String(last.service_request_id)))!.status).toBe('closed');
    expect(rows.find((r) => r.externalId.endsWith('SR26-01000000'))!.status).toBe('reopened');
  });
});

describe('a Moscow Oblast feed with offsets', () => {
  let report: ImportReport;

  beforeAll(async () => {
    report = await run(OBLAST, 'moscow-oblast.json');
  });

  it('keeps open, in-work and closed requests, with due times from the feed', async () => {
    expect(report.error).toBeNull();
    expect(report.feedStates).toEqual({ open: 4, inProgress: 6, closed: 9 });
    expect(report.created).toBe(19);
    expect(report.heldForRegions).toEqual({ 'RU-TUL': 1 });
    const rows = await storedOf('311.oblast.example.ru');
    const home = rows.filter((r) => r.regionCode === 'RU-MOS');
    expect(home.filter((r) => r.status === 'closed')).toHaveLength(9);
    // In work where our routing named an executor; the rest wait for an operator's category.
    for (const r of home.filter((x) => x.status === 'in_progress')) expect(r.executorCode).not.toBeNull();
    for (const r of home) {
      const feedRow = (JSON.parse(fixtureText('moscow-oblast.json')) as Record<string, string>[]).find((f) =>
        r.externalId.endsWith(`:${f.service_request_id}`),
      )!;
      expect(r.dueAt.toISOString(), r.externalId).toBe(new Date(feedRow.expected_datetime!).toISOString());
    }
    const closedNote = await app.ctx.db
      .select({ comment: complaintEvents.comment })
      .from(complaintEvents)
      .where(
        and(
          inArray(
            complaintEvents.complaintId,
            home.filter((r) => r.status === 'closed').map((r) => r.id),
          ),
          eq(complaintEvents.toStatus, 'closed'),
        ),
      );
    expect(closedNote[0]!.comment).toBe('Работы выполнены\nЗаявка закрыта, работы выполнены подрядчиком');
    const tula = rows.find((r) => r.regionCode === 'RU-TUL')!;
    expect([tula.municipalityOktmo, tula.status]).toEqual([null, 'new']);
  });
});
