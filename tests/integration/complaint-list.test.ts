import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints } from '@/db/schema';
import { GET as listComplaints } from '@/app/api/v1/complaints/route';
import type { Role } from '@/lib/domain/access';
import type { ComplaintListPage } from '@/lib/lifecycle/list-complaints';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { personalToken } from '../helpers/identities';
import { api, type ErrorReply, type IngestReply } from '../helpers/route-client';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

/** Personal data the masker hides: a phone and an e-mail the executor must read as written. */
const PERSONAL = 'Звоните по номеру +7 916 123-45-67 или пишите ivan.petrov@example.org';

interface Placed {
  id: number;
  block: string;
  municipality: string;
  executor: string;
  text: string;
}

let app: TestApp;
/** Two blocks in two municipalities, routed to two executors: [housing in Балашиха, transport in Подольск]. */
let housing: Placed[] = [];
let roads: Placed[] = [];

async function intake(count: number, category: string, town: readonly [number, number], label: string) {
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const [lat, lon] = town;
    const text = `${label} ${i}. ${PERSONAL}`;
    const res = await api.postComplaints<IngestReply>(aComplaint({ category, lat, lon, text }));
    expect(res.body.results[0]!.status).toBe('created');
    ids.push(res.body.results[0]!.id!);
  }
  const rows = await app.ctx.db
    .select({
      id: complaints.id,
      block: complaints.blockCode,
      municipality: complaints.municipalityOktmo,
      executor: complaints.executorCode,
      text: complaints.text,
    })
    .from(complaints)
    .where(inArray(complaints.id, ids));
  return rows.map((r) => ({ ...r, block: r.block!, municipality: r.municipality!, executor: r.executor! }));
}

async function list<T = ComplaintListPage>(token: string, query = '') {
  const response = await listComplaints(
    new Request(`http://test.local/api/v1/complaints${query}`, {
      headers: { authorization: `Bearer ${token}` },
    }),
  );
  return { status: response.status, body: (await response.json()) as T };
}

const token = (role: Role, scopes: readonly string[] = []) => personalToken(app.ctx, role, scopes);
const idsOf = (page: ComplaintListPage) => page.complaints.map((c) => c.id);
const sorted = (ids: number[]) => [...ids].sort((a, b) => b - a);

beforeAll(async () => {
  app = await createRegisteredTestApp();
  housing = await intake(3, 'housing.no-hot-water', TOWNS.balashikha, 'Нет горячей воды');
  roads = await intake(2, 'transport.pothole', TOWNS.podolsk, 'Яма на дороге');
});
afterAll(() => app.close());

describe('GET /api/v1/complaints', () => {
  it('places the fixtures in two blocks, two municipalities and with two executors', () => {
    expect(new Set(housing.map((c) => c.block))).toEqual(new Set(['housing']));
    expect(new Set(roads.map((c) => c.block))).toEqual(new Set(['transport']));
    expect(housing[0]!.municipality).not.toBe(roads[0]!.municipality);
    expect(housing[0]!.executor).not.toBe(roads[0]!.executor);
  });

  it('a block lead sees only its blocks, and is refused another block by name', async () => {
    const lead = await token('block_lead', ['housing']);
    const mine = await list(lead);
    expect(mine.status).toBe(200);
    expect(idsOf(mine.body)).toEqual(sorted(housing.map((c) => c.id)));
    // Masked: a block lead does not read residents' personal data.
    expect(mine.body.complaints.every((c) => !c.personal && !c.text.includes('123-45-67'))).toBe(true);

    // The newest complaints are the other block's: a scope applied after the LIMIT would leave this page empty.
    const firstPage = await list(lead, '?limit=2');
    expect(idsOf(firstPage.body)).toEqual(sorted(housing.map((c) => c.id)).slice(0, 2));
    expect(firstPage.body.nextBefore).toBe(firstPage.body.complaints[1]!.id);

    const other = await list<ErrorReply>(lead, '?block=transport');
    expect(other.status).toBe(403);
    expect(other.body.error.errors).toEqual([{ field: 'block', message: 'outside your scope' }]);

    // A filter inside the scope narrows it: the housing block in the other municipality holds nothing.
    const narrowed = await list(lead, `?municipality=${roads[0]!.municipality}`);
    expect(narrowed.body.complaints).toEqual([]);
  });

  it('a municipal user sees only its OKTMO', async () => {
    const municipal = await token('municipal', [roads[0]!.municipality]);
    const res = await list(municipal);
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(sorted(roads.map((c) => c.id)));
    const other = await list<ErrorReply>(municipal, `?municipality=${housing[0]!.municipality}`);
    expect(other.status).toBe(403);
    expect(other.body.error.errors![0]!.field).toBe('municipality');
  });

  it('an executor sees only its complaints, with the text unmasked', async () => {
    const executor = await token('executor', [housing[0]!.executor]);
    const res = await list(executor, '?status=open');
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(sorted(housing.map((c) => c.id)));
    for (const row of res.body.complaints) {
      expect(row.personal).toBe(true);
      expect(row.text).toBe(housing.find((c) => c.id === row.id)!.text);
      expect(row.executor).toBe(housing[0]!.executor);
      expect(row.status).toBe('routed');
    }
    const other = await list<ErrorReply>(executor, `?executor=${roads[0]!.executor}`);
    expect(other.status).toBe(403);
    expect(other.body.error.errors![0]!.field).toBe('executor');
  });

  it('an analyst sees every complaint, masked', async () => {
    const analyst = await token('analyst');
    const res = await list(analyst);
    expect(res.status).toBe(200);
    expect(idsOf(res.body)).toEqual(sorted([...housing, ...roads].map((c) => c.id)));
    for (const row of res.body.complaints) {
      expect(row.personal).toBe(false);
      expect(row.text).not.toContain('123-45-67');
      expect(row.text).not.toContain('ivan.petrov@example.org');
    }
    const byExecutor = await list(analyst, `?executor=${roads[0]!.executor}`);
    expect(idsOf(byExecutor.body)).toEqual(sorted(roads.map((c) => c.id)));
  });

  it('pages with `before`: newest first, no overlap, nothing skipped', async () => {
    const admin = await token('admin');
    const seen: number[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: ComplaintListPage } = await list(
        admin,
        `?limit=2${before === null ? '' : `&before=${before}`}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.complaints.length).toBeLessThanOrEqual(2);
      seen.push(...idsOf(res.body));
      before = res.body.nextBefore;
      pages += 1;
    } while (before !== null && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(sorted([...housing, ...roads].map((c) => c.id)));
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('lists only overdue complaints when asked (none of the fresh ones is)', async () => {
    const admin = await token('operator');
    const res = await list(admin, '?overdue=true');
    expect(res.status).toBe(200);
    expect(res.body.complaints).toEqual([]);
    const open = await list(admin, '?status=open');
    expect(open.body.complaints.every((c) => !c.overdue && c.personal)).toBe(true);
  });

  it('400 naming the field for a bad query or an unknown code', async () => {
    const admin = await token('admin');
    const cases: [string, string][] = [
      ['?limit=500', 'limit'],
      ['?limit=abc', 'limit'],
      ['?before=-3', 'before'],
      ['?status=pending', 'status'],
      ['?overdue=yes', 'overdue'],
      ['?block=spaceships', 'block'],
      ['?municipality=00000000000', 'municipality'],
      ['?executor=nobody', 'executor'],
    ];
    for (const [query, field] of cases) {
      const res = await list<ErrorReply>(admin, query);
      expect(res.status, query).toBe(400);
      expect(
        res.body.error.errors!.map((e) => e.field),
        query,
      ).toEqual([field]);
    }
  });

  it('401 without an identity', async () => {
    const anonymous = await listComplaints(new Request('http://test.local/api/v1/complaints'));
    expect(anonymous.status).toBe(401);
  });
});
