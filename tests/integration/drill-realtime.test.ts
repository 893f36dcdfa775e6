import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyDelta, applySnapshot, resumePoint, type WallState } from '@/lib/realtime/client/wall-state';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  SubscribeAck,
  WallScope,
} from '@/lib/realtime/contract';
import type { LiveHub } from '@/lib/realtime/live-hub';
import type { App } from '@/lib/app/create-app';
import { getSummary } from '@/lib/queries/get-summary';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { grantDisplay } from '../helpers/identities';
import { createWholeTestApp } from '../helpers/test-context';

const NOW = new Date('2026-11-18T12:00:00+03:00');
const BALASHIKHA = '46704000000';
const at = (msAgo: number) => new Date(NOW.getTime() - msAgo).toISOString();

let app: App;
let live: LiveHub;
let url: string;
let token: string;

async function until(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A drill-down's live feed: the wall reducer fed by a municipality scope. */
function drillClient(scope: WallScope) {
  let state: WallState | null = null;
  let ack: SubscribeAck | null = null;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, {
    auth: { token },
    transports: ['websocket'],
  });
  socket.on('connect', () =>
    socket.emit('wall:subscribe', { scope, resume: resumePoint(state) }, (reply) => (ack = reply)),
  );
  socket.on('wall:snapshot', (snapshot) => (state = applySnapshot(state, snapshot, Date.now())));
  socket.on('wall:delta', (delta) => {
    if (!state) return;
    const next = applyDelta(state, delta, Date.now());
    if (next !== 'resync') state = next;
  });
  return { socket, state: () => state, ack: () => ack };
}

beforeAll(async () => {
  app = await createWholeTestApp({
    now: () => NOW,
    hubs: { live: { flushMs: 30, tickMs: 60_000 }, timers: { live: false, panels: false } },
    realtime: { listen: { port: 0, host: '127.0.0.1' } },
  });
  await app.start();
  live = app.live;
  url = app.url!;
  token = await grantDisplay(app.ctx);
});

afterAll(async () => {
  await app.close();
});

describe('the live feed of a municipality scope', () => {
  it('counts and lists only the municipality (and block) it follows, equal to the database', async () => {
    const all = drillClient({ municipality: BALASHIKHA });
    const housing = drillClient({ municipality: BALASHIKHA, block: 'housing' });
    await until(() => all.state() !== null && housing.state() !== null);
    expect(all.ack()).toMatchObject({ ok: true, scopeKey: `block=*;municipality=${BALASHIKHA}` });

    const [bLat, bLon] = TOWNS.balashikha;
    const [pLat, pLon] = TOWNS.podolsk;
    const created = await recordComplaints(app.ctx, [
      aComplaint({ lat: bLat, lon: bLon, receivedAt: at(5 * 60_000) }),
      aComplaint({ lat: bLat + 0.003, lon: bLon, category: 'ecology.dump', receivedAt: at(4 * 60_000) }),
      aComplaint({ lat: pLat, lon: pLon, receivedAt: at(3 * 60_000) }),
    ]);
    const [housingId, ecologyId, podolskId] = created.map((r) => r.id!);
    await live.flush();

    await until(() => all.state()!.summary.today === 2 && housing.state()!.summary.today === 1);
    expect(all.state()!.summary).toMatchObject(
      await getSummary(app.ctx.db, { municipality: BALASHIKHA }, NOW),
    );
    expect(all.state()!.summary.open).toBe(2);
    const ids = all.state()!.recent.map((r) => r.id);
    expect(ids).toEqual([ecologyId, housingId]);
    expect(ids).not.toContain(podolskId);
    expect(housing.state()!.recent.map((r) => r.id)).toEqual([housingId]);
    expect(housing.state()!.cells.reduce((s, c) => s + c.open, 0)).toBe(1);
    all.socket.close();
    housing.socket.close();
  });

  it('refuses an unknown municipality naming the scope field', async () => {
    const client = drillClient({ municipality: '99999999999' });
    await until(() => client.ack() !== null);
    expect(client.ack()).toEqual({ ok: false, error: 'scope.municipality: unknown OKTMO "99999999999"' });
    client.socket.close();
  });
});
