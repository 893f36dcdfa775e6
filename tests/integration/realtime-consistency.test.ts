import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints } from '@/db/schema';
import { applyDelta, applySnapshot, resumePoint, type WallState } from '@/lib/realtime/client/wall-state';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { isOpenStatus, type ComplaintStatus } from '@/lib/domain/statuses';
import {
  RECENT_PER_DELTA,
  scopeKeyOf,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type WallDelta,
} from '@/lib/realtime/contract';
import type { LiveHub } from '@/lib/realtime/live-hub';
import type { App } from '@/lib/app/create-app';
import { startOfMoscowDay } from '@/lib/domain/moscow-time';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { api } from '../helpers/route-client';
import { transitionTo, intakeStatus } from '../helpers/lifecycle';
import { grantDisplay } from '../helpers/identities';
import { createWholeTestApp } from '../helpers/test-context';

// A pinned clock keeps "today" and "last hour" away from their edges while the test runs.
const NOW = new Date('2026-11-18T12:00:00+03:00');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();
const NEXT: Partial<Record<ComplaintStatus, ComplaintStatus>> = {
  new: 'routed',
  routed: 'in_progress',
  in_progress: 'resolved',
  resolved: 'closed',
  closed: 'reopened',
  reopened: 'in_progress',
};

let app: App;
let live: LiveHub;
let url: string;
let token: string;

/** A wall client: the real reducer behind a real Socket.IO connection, resuming after drops and gaps. */
function wallClient() {
  let state: WallState | null = null;
  let snapshots = 0;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, {
    auth: { token },
    transports: ['websocket'],
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
  const subscribe = () => socket.emit('wall:subscribe', { scope: {}, resume: resumePoint(state) }, () => {});
  socket.on('connect', subscribe);
  socket.on('wall:snapshot', (snapshot) => {
    snapshots += 1;
    state = applySnapshot(state, snapshot, Date.now());
  });
  socket.on('wall:delta', (delta) => {
    if (!state) return;
    const next = applyDelta(state, delta, Date.now());
    if (next === 'resync') subscribe();
    else state = next;
  });
  return { socket, state: () => state, snapshots: () => snapshots };
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, 25));
  }
}

beforeAll(async () => {
  app = await createWholeTestApp({
    now: () => NOW,
    hubs: { live: { flushMs: 30, tickMs: 60_000 }, timers: { live: false, panels: false } },
    register: { buildId: 'test' },
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

describe('a wall client over Socket.IO', () => {
  it('after 1,000 events with a forced reconnect in the middle, equals the summary API and a direct count', async () => {
    const client = wallClient();
    await until(() => client.state() !== null);
    const towns = Object.values(TOWNS);
    const ids: number[] = [];
    const statusOf = new Map<number, ComplaintStatus>();
    let events = 0;
    let dropped = false;

    while (events < 1000) {
      if (!dropped && events >= 500) {
        dropped = true;
        client.socket.io.engine.close(); // the network drops; the client reconnects on its own
      }
      if (ids.length < 40 || events % 3 !== 0) {
        const batch = Array.from({ length: 5 }, (_, i) => {
          const [lat, lon] = towns[(events + i) % towns.length]!;
          // Half are recent, half are older and already overdue; none sit on the today/last-hour edges.
          const age = (events + i) % 2 === 0 ? 5 + ((events + i) % 40) : 3000 + ((events * 7 + i) % 3000);
          return aComplaint({
            lat: lat + ((i % 3) - 1) * 0.05,
            lon,
            receivedAt: minutesAgo(age),
            category: age > 100 ? 'transport.pothole' : 'housing.no-hot-water',
          });
        });
        const results = await recordComplaints(app.ctx, batch);
        for (const r of results) {
          if (r.status !== 'created') continue;
          ids.push(r.id!);
          statusOf.set(r.id!, intakeStatus(r));
        }
        events += batch.length;
      } else {
        const picks = ids
          .slice(-30)
          .filter((_, i) => i % 3 === events % 3)
          .slice(0, 5);
        const inputs = picks.map((id) => transitionTo(id, NEXT[statusOf.get(id)!]!, NOW.toISOString()));
        const results = await recordTransitions(app.ctx, inputs);
        for (const r of results) if (r.status === 'applied') statusOf.set(r.complaintId, r.to);
        events += inputs.length;
      }
      if (events % 50 === 0) await new Promise((r) => setTimeout(r, 5));
    }

    await live.flush();
    const serverSeq = (await live.snapshot({})).seq;
    await until(() => client.state()?.seq === serverSeq && client.socket.connected);

    const rows = await app.ctx.db.select().from(complaints);
    const dayStart = startOfMoscowDay(NOW).getTime();
    const direct = {
      today: rows.filter((r) => r.receivedAt.getTime() >= dayStart).length,
      lastHour: rows.filter((r) => r.receivedAt.getTime() >= NOW.getTime() - 59 * 60_000).length,
      open: rows.filter((r) => isOpenStatus(r.status)).length,
      overdue: rows.filter((r) => isOpenStatus(r.status) && r.dueAt.getTime() <= NOW.getTime()).length,
    };
    const viaApi = (await api.summary<typeof direct>()).body;
    const { today, lastHour, open, overdue } = client.state()!.summary;

    expect(dropped).toBe(true);
    expect(rows.length).toBeGreaterThan(500);
    expect(direct.overdue).toBeGreaterThan(0);
    expect({ today, lastHour, open, overdue }).toEqual(direct);
    expect({
      today: viaApi.today,
      lastHour: viaApi.lastHour,
      open: viaApi.open,
      overdue: viaApi.overdue,
    }).toEqual(direct);
    const cellTotal = client.state()!.cells.reduce((sum, c) => sum + c.open, 0);
    expect(cellTotal).toBe(direct.open);
    client.socket.close();
  });

  it('sends updates of one size whether one complaint or a thousand arrived since the last', async () => {
    await live.snapshot({ block: 'housing' });
    const deltas: WallDelta[] = [];
    const off = live.onDelta((key, delta) => key === scopeKeyOf({ block: 'housing' }) && deltas.push(delta));
    const towns = Object.values(TOWNS);
    const burst = (n: number) =>
      Array.from({ length: n }, (_, i) => {
        const [lat, lon] = towns[i % towns.length]!;
        return aComplaint({ lat: lat + (i % 7) * 0.01, lon, receivedAt: minutesAgo(1 + (i % 30)) });
      });
    await recordComplaints(app.ctx, burst(1));
    await live.flush();
    await recordComplaints(app.ctx, burst(1000));
    await live.flush();
    off();
    const [one, thousand] = deltas.slice(-2).map((d) => ({
      cells: d.cellVector.open.byteLength + d.cellVector.overdue.byteLength,
      recent: d.recent.length,
    }));
    expect(thousand).toEqual(one);
    expect(one!.recent).toBe(RECENT_PER_DELTA);
  });

  it('catches a resuming client up with the deltas it missed, or with a snapshot when it missed too many', async () => {
    const scope = { municipality: '46738000000' };
    await live.snapshot(scope);
    const [lat, lon] = TOWNS.kolomna;
    for (let i = 0; i < 12; i += 1) {
      await recordComplaints(app.ctx, [aComplaint({ lat: lat + i * 0.001, lon, receivedAt: minutesAgo(3) })]);
      await live.flush();
    }
    const { seq, epoch } = await live.snapshot(scope);
    const caughtUp = async (resume: { epoch: string; seq: number }) => {
      const got = { snapshots: 0, deltas: [] as number[] };
      await live.attach(scope, resume, {
        snapshot: () => (got.snapshots += 1),
        delta: (d) => got.deltas.push(d.seq),
        join: () => {},
      });
      return got;
    };
    expect(await caughtUp({ epoch, seq: seq - 2 })).toEqual({ snapshots: 0, deltas: [seq - 1, seq] });
    expect(await caughtUp({ epoch, seq: seq - 11 })).toEqual({ snapshots: 1, deltas: [] });
    expect(await caughtUp({ epoch: 'another-run', seq })).toEqual({ snapshots: 1, deltas: [] });
  });

  it('refuses a subscription to an unknown block', async () => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, {
      auth: { token },
      transports: ['websocket'],
    });
    const ack = await new Promise((resolve) =>
      socket.emit('wall:subscribe', { scope: { block: 'space' } }, resolve),
    );
    expect(ack).toEqual({ ok: false, error: 'scope.block: unknown block code "space"' });
    socket.close();
  });
});
