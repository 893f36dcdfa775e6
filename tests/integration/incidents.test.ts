import { eq } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, incidents } from '@/db/schema';
import { GET as listRoute } from '@/app/api/v1/incidents/route';
import { POST as answerRoute } from '@/app/api/v1/incidents/[id]/answer/route';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { reconstructIncidents } from '@/lib/incidents/reconstruct-incidents';
import type { Incident } from '@/lib/incidents/types';
import type { App } from '@/lib/app/create-app';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/contract';
import type { Role } from '@/lib/domain/access';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { appToken, authedRequest } from '../helpers/identities';
import { createWholeTestApp } from '../helpers/test-context';

const HOUR = 3_600_000;
const WEEK = 7 * 24 * HOUR;
// A Wednesday, 12:40 Moscow: two-thirds into a clock hour, a week of history behind it.
const NOW = new Date('2026-11-18T12:40:00+03:00');
const at = (msAgo: number) => new Date(NOW.getTime() - msAgo).toISOString();
const BASE = 'http://test.local/api/v1/incidents';

let app: App;
let url: string;
let operatorToken: string;

async function until<T>(read: () => T | undefined | null, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined && value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A wall screen of the whole region: the incident lists it is sent, newest last. */
function screen() {
  const lists: Incident[][] = [];
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, {
    auth: { token: operatorToken },
    transports: ['websocket'],
  });
  socket.on('connect', () => socket.emit('wall:subscribe', { scope: {} }, () => {}));
  socket.on('incident:list', (list) => lists.push(list));
  return { socket, latest: () => lists.at(-1) };
}

async function answer(id: number | string, body: unknown, role: Role = 'operator', scopes: string[] = []) {
  const response = await answerRoute(
    await authedRequest(
      `${BASE}/${id}/answer`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      role,
      scopes,
    ),
    { params: Promise.resolve({ id: String(id) }) },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

beforeAll(async () => {
  app = await createWholeTestApp({
    now: () => NOW,
    register: { buildId: 'test' },
    incidentScan: { intervalMs: 100 },
    realtime: { listen: { port: 0, host: '127.0.0.1' } },
  });
  // A month of ordinary complaints: other categories and towns, a few a day, so the detector has a baseline.
  const towns = Object.values(TOWNS);
  await recordComplaints(
    app.ctx,
    Array.from({ length: 300 }, (_, i) => {
      const [lat, lon] = towns[i % towns.length]!;
      return aComplaint({
        lat,
        lon,
        category: i % 2 ? 'housing.no-hot-water' : 'transport.pothole',
        receivedAt: at(((i * 7919) % (28 * 24)) * HOUR + 3 * HOUR),
      });
    }),
  );
  // Last week, in Podolsk: an overflowing-bins burst that nobody scanned (the backfill's kind of history).
  const [plat, plon] = TOWNS.podolsk;
  await recordComplaints(
    app.ctx,
    Array.from({ length: 16 }, (_, i) =>
      aComplaint({
        lat: plat + i * 1e-5,
        lon: plon,
        category: 'ecology.tko-overflow',
        text: 'Контейнерная площадка переполнена, мусор не вывозят',
        receivedAt: at(WEEK + 20 * HOUR + i * 120_000),
      }),
    ),
  );
  await app.start();
  url = app.url!;
  // An operator's own token: the desk screen sees the whole region whatever the wall's layout.
  operatorToken = await appToken('operator');
});

afterAll(async () => {
  await app.close();
});

describe('incidents', () => {
  it('reconstructs the unscanned burst of last week as one closed incident, once', async () => {
    await until(() => true, 0);
    await reconstructIncidents(app.ctx);
    const rows = await app.ctx.db
      .select()
      .from(incidents)
      .where(eq(incidents.categoryCode, 'ecology.tko-overflow'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'closed', complaints: 16, place: 'Подольск' });
    expect(await reconstructIncidents(app.ctx)).toBe(0);
  });

  it('a burst is on every screen within 5 s, alarming; an acknowledgement reaches them within 2 s, named', async () => {
    const a = screen();
    const b = screen();
    await until(() => (a.latest() && b.latest() ? true : null), 10_000);
    const [lat, lon] = TOWNS.kolomna;
    const burstAt = Date.now();
    await recordComplaints(
      app.ctx,
      Array.from({ length: 24 }, (_, i) =>
        aComplaint({
          lat: lat + i * 1e-5,
          lon,
          category: 'housing.no-heating',
          text: 'В квартире холодно, батареи ледяные',
          receivedAt: at(30 * 60_000 - i * 30_000),
        }),
      ),
    );
    const seen = await until(() => a.latest()?.find((i) => i.category === 'housing.no-heating'), 5_000);
    expect(Date.now() - burstAt).toBeLessThan(5_000);
    expect(seen).toMatchObject({ status: 'new', complaints: 24, place: 'Коломна', usualLow: 0 });
    expect(seen.openedAt).toBe(new Date('2026-11-18T12:00:00+03:00').toISOString());
    expect(seen.executor).toBeTruthy();

    const answeredAt = Date.now();
    const ack = await answer(seen.id, { status: 'acknowledged' });
    expect(ack.status).toBe(200);
    for (const s of [a, b]) {
      const acked = await until(
        () => s.latest()?.find((i) => i.id === seen.id && i.status === 'acknowledged'),
        2_000,
      );
      expect(acked.acknowledgedBy).toBe('Test operator');
    }
    expect(Date.now() - answeredAt).toBeLessThan(2_000);
    const audit = await app.ctx.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.target, `incident:${seen.id}`));
    expect(audit).toMatchObject([
      { action: 'incident_acknowledged', actorLabel: 'Test operator', outcome: 'ok' },
    ]);
    a.socket.close();
    b.socket.close();

    // Answering twice, from the wrong status, is a conflict naming the status found; the row is unchanged.
    const again = await answer(seen.id, { status: 'acknowledged' });
    expect(again.status).toBe(409);
    expect(await answer(seen.id, { status: 'in_work' })).toMatchObject({ status: 200 });
    expect(await answer(seen.id, { state: 'closed' })).toMatchObject({ status: 400 });
    expect(await answer(seen.id, { status: 'closed' }, 'analyst')).toMatchObject({ status: 403 });
    // A block lead of another block cannot even learn the incident exists.
    expect(await answer(seen.id, { status: 'closed' }, 'block_lead', ['transport'])).toMatchObject({
      status: 404,
    });
    expect(await answer(99_999, { status: 'closed' })).toMatchObject({ status: 404 });
    expect(await answer(seen.id, { status: 'closed' }, 'block_lead', ['housing'])).toMatchObject({
      status: 200,
    });
  });

  it('lists incidents by scope and span, and names every bad parameter', async () => {
    const get = async (query: string, role: Role = 'analyst', scopes: string[] = []) => {
      const response = await listRoute(await authedRequest(`${BASE}${query}`, {}, role, scopes));
      return {
        status: response.status,
        body: (await response.json()) as { incidents?: Incident[] } & object,
      };
    };
    const all = await get('?state=all&block=ecology');
    expect(all.status).toBe(200);
    expect(all.body.incidents?.map((i) => i.category)).toEqual(['ecology.tko-overflow']);
    expect((await get('?state=live&block=ecology')).body.incidents).toEqual([]);
    const bad = await get('?state=open&block=nope&from=yesterday');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/"field":"block".*"field":"state".*"field":"from"/);
    expect((await get('?block=housing', 'block_lead', ['transport'])).status).toBe(403);
  });
});
