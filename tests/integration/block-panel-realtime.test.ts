import { and, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints } from '@/db/schema';
import { applyDelta, applySnapshot, resumePoint, type WallState } from '@/lib/realtime/client/wall-state';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { OPEN_STATUSES, type ComplaintStatus } from '@/lib/domain/statuses';
import { getBlockPanel } from '@/lib/panels/get-block-panel';
import type { BlockPanel } from '@/lib/panels/types';
import type { ClientToServerEvents, ServerToClientEvents } from '@/lib/realtime/contract';
import type { LiveHub } from '@/lib/realtime/live-hub';
import type { PanelHub } from '@/lib/realtime/panel-hub';
import type { App } from '@/lib/app/create-app';
import { advanceSlaClock } from '@/lib/sla/advance-sla-clock';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { transitionTo, intakeStatus } from '../helpers/lifecycle';
import { grantDisplay } from '../helpers/identities';
import { createWholeTestApp } from '../helpers/test-context';
import { startOfMoscowWeek } from '@/lib/domain/moscow-time';

// Wednesday noon: the week has history behind it and "today" is well away from midnight.
const NOW = new Date('2026-11-18T12:00:00+03:00');
const BLOCK = 'housing';
const HOUR = 3_600_000;
const at = (msAgo: number) => new Date(NOW.getTime() - msAgo).toISOString();
const NEXT: Partial<Record<ComplaintStatus, ComplaintStatus>> = {
  new: 'routed',
  routed: 'in_progress',
  in_progress: 'resolved',
  resolved: 'closed',
};

let app: App;
let live: LiveHub;
let panels: PanelHub;
let url: string;
let token: string;

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A block panel client: live deltas through the real reducer, whole panels as they come. */
function panelClient() {
  let state: WallState | null = null;
  let panel: BlockPanel | null = null;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = connect(url, {
    auth: { token },
    transports: ['websocket'],
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
  });
  const subscribe = () =>
    socket.emit(
      'wall:subscribe',
      { scope: { block: BLOCK }, resume: resumePoint(state), panel: true },
      () => {},
    );
  socket.on('connect', subscribe);
  socket.on('wall:snapshot', (snapshot) => (state = applySnapshot(state, snapshot, Date.now())));
  socket.on('wall:delta', (delta) => {
    if (!state) return;
    const next = applyDelta(state, delta, Date.now());
    if (next === 'resync') subscribe();
    else state = next;
  });
  socket.on('panel:update', (update) => {
    if (!panel || update.asOf >= panel.asOf) panel = update;
  });
  return { socket, state: () => state, panel: () => panel };
}

beforeAll(async () => {
  app = await createWholeTestApp({
    now: () => NOW,
    hubs: {
      live: { flushMs: 30, tickMs: 60_000 },
      panels: { refreshMs: 40, maxAgeMs: 60_000 },
      timers: { live: false },
    },
    realtime: { listen: { port: 0, host: '127.0.0.1' } },
  });
  await app.start();
  ({ live, panels } = app);
  url = app.url!;
  token = await grantDisplay(app.ctx);

  // Two weeks of history for the block across towns, some of it resolved, then the SLA clock.
  const towns = Object.values(TOWNS);
  const history = Array.from({ length: 400 }, (_, i) => {
    const [lat, lon] = towns[i % towns.length]!;
    return aComplaint({ lat, lon, receivedAt: at(((i * 797) % (14 * 24)) * HOUR + 60_000) });
  });
  const created = await recordComplaints(app.ctx, history);
  const ids = created.filter((r) => r.status === 'created').map((r) => r.id!);
  await recordTransitions(
    app.ctx,
    ids.slice(0, 150).map((id) => transitionTo(id, 'in_progress', at(HOUR / 2))),
  );
  await recordTransitions(
    app.ctx,
    ids.slice(0, 100).map((id) => transitionTo(id, 'resolved', at(HOUR / 4))),
  );
  await advanceSlaClock(app.ctx);
});

afterAll(async () => {
  await app.close();
});

describe('a block panel over Socket.IO', () => {
  it('after a stream with a forced disconnect in the middle, equals the database', async () => {
    const client = panelClient();
    await until(() => client.state() !== null && client.panel() !== null);
    const towns = Object.values(TOWNS);
    const statusOf = new Map<number, ComplaintStatus>();
    let dropped = false;

    for (let round = 0; round < 60; round += 1) {
      if (round === 30) {
        dropped = true;
        client.socket.io.engine.close();
      }
      const batch = Array.from({ length: 4 }, (_, i) => {
        const [lat, lon] = towns[(round + i) % towns.length]!;
        return aComplaint({ lat, lon, receivedAt: at((5 + ((round * 4 + i) % 50)) * 60_000) });
      });
      for (const r of await recordComplaints(app.ctx, batch))
        if (r.status === 'created') statusOf.set(r.id!, intakeStatus(r));
      const moving = [...statusOf].filter(([, s]) => NEXT[s]).slice(0, 3);
      const results = await recordTransitions(
        app.ctx,
        moving.map(([id, s]) => transitionTo(id, NEXT[s]!, NOW.toISOString())),
      );
      for (const r of results) if (r.status === 'applied') statusOf.set(r.complaintId, r.to);
      await new Promise((r) => setTimeout(r, 10));
    }

    await live.flush();
    await panels.refreshDue(true);
    const expected = await getBlockPanel(app.ctx, BLOCK, NOW);
    const serverSeq = (await live.snapshot({ block: BLOCK })).seq;
    await until(
      () =>
        client.socket.connected &&
        client.state()?.seq === serverSeq &&
        JSON.stringify(client.panel()) === JSON.stringify(expected),
    );
    const panel = client.panel()!;

    // Spot checks straight from the raw rows, not the rollups the panel is built from.
    const db = app.ctx.db;
    const count = async (...where: Parameters<typeof and>) =>
      (
        await db
          .select({ n: sql<number>`count(*)`.mapWith(Number) })
          .from(complaints)
          .where(and(...where))
      )[0]!.n;
    const inBlock = eq(complaints.blockCode, BLOCK);
    const open = inArray(complaints.status, [...OPEN_STATUSES]);
    const weekStart = startOfMoscowWeek(NOW);
    expect(dropped).toBe(true);
    expect(panel.overdue.late + panel.overdue.veryLate).toBe(
      await count(inBlock, open, ne(complaints.slaState, 'on_time')),
    );
    expect(panel.week.thisWeekToDate).toBe(await count(inBlock, gte(complaints.receivedAt, weekStart)));
    const balashikha = panel.territories.find((t) => t.oktmo === '46704000000')!;
    expect(balashikha.count).toBe(
      await count(
        inBlock,
        eq(complaints.municipalityOktmo, '46704000000'),
        gte(complaints.receivedAt, new Date(Math.floor(NOW.getTime() / HOUR) * HOUR - 167 * HOUR)),
      ),
    );
    const top = panel.topCategories[0]!;
    expect(top.thisWeek).toBe(
      await count(inBlock, eq(complaints.categoryCode, top.category), gte(complaints.receivedAt, weekStart)),
    );
    expect(panel.territories).toHaveLength(57);
    expect(client.state()!.summary.resolvedToday).toBeGreaterThan(0);
    client.socket.close();
  });

  it('finds a burst in one municipality as a tension point, and nothing in the usual traffic', async () => {
    const before = await getBlockPanel(app.ctx, 'ecology', NOW);
    expect(before.tension).toEqual([]);
    const [lat, lon] = TOWNS.kolomna;
    await recordComplaints(
      app.ctx,
      Array.from({ length: 25 }, (_, i) =>
        aComplaint({
          lat: lat + (i % 5) * 0.002,
          lon,
          category: 'ecology.air-smell',
          receivedAt: at((2 + i) * 60_000),
        }),
      ),
    );
    const after = await getBlockPanel(app.ctx, 'ecology', NOW);
    expect(after.tension.map((t) => t.municipality)).toContain('46738000000');
    expect(after.tension[0]!.observed).toBeGreaterThanOrEqual(25);
  });
});
