import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { rowsOf } from '@/db/client';
import { NotLeaderError } from '@/lib/cluster/leadership';
import { commitChange } from '@/lib/commit/commit-change';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { revokeCredentials } from '@/lib/identity/revoke-credentials';
import { getSummary } from '@/lib/queries/get-summary';
import type {
  ClientToServerEvents,
  Incident,
  ServerToClientEvents,
  WallDelta,
} from '@/lib/realtime/contract';
import { answerIncident } from '@/lib/incidents/answer-incident';
import type { Actor } from '@/lib/domain/access';
import { aComplaint } from '../helpers/complaint-factory';
import { createTestCluster, type TestCluster } from '../helpers/cluster-apps';
import { pairedDisplay, personalToken } from '../helpers/identities';
import { TEST_DB } from '../helpers/test-context';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

let cluster: TestCluster | null = null;
const sockets: Client[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await cluster?.close();
  cluster = null;
});

async function subscribed(url: string, token: string): Promise<{ socket: Client; deltas: WallDelta[] }> {
  const socket: Client = connect(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  const deltas: WallDelta[] = [];
  socket.on('wall:delta', (d) => deltas.push(d));
  const ack = await new Promise((resolve) =>
    socket.on('connect', () => socket.emit('wall:subscribe', { scope: {} }, resolve)),
  );
  expect(ack).toMatchObject({ ok: true });
  return { socket, deltas };
}

type Node = TestCluster['nodes'][number];

/** The two nodes of a two-node test cluster. */
function pair(of: TestCluster): [Node, Node] {
  const [a, b] = of.nodes;
  if (!a || !b) throw new Error('a two-node cluster was expected');
  return [a, b];
}

async function currentDatabase(app: { ctx: { db: TestCluster['nodes'][0]['ctx']['db'] } }): Promise<string> {
  const [row] = rowsOf<{ name: string }>(await app.ctx.db.execute(sql`select current_database() as name`));
  return row!.name;
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.skipIf(TEST_DB !== 'postgres')('several nodes on one PostgreSQL', () => {
  it('numbers every commit in commit order without gaps, whichever node and lane wrote it', async () => {
    cluster = await createTestCluster(2);
    const [a, b] = pair(cluster);
    await Promise.all([a.start(), b.start()]);
    // Concurrent intake on both nodes (two shared lanes each) and lone writes in between.
    const writes = Array.from({ length: 24 }, (_, i) =>
      recordComplaints(i % 2 ? a.ctx : b.ctx, [aComplaint({ externalId: `feed-${i}` })]),
    );
    await Promise.all(writes);
    const rows = rowsOf<{ seq: number; node: string; at: string; created: number }>(
      await a.ctx.db.execute(sql`
        select seq, node, committed_at::text as at, jsonb_array_length(payload->'created') as created
        from change_feed order by seq`),
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    // Appended under the head row's lock: the append times follow the sequence.
    const times = rows.map((r) => Date.parse(r.at));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(rows.reduce((n, r) => n + Number(r.created), 0)).toBe(24);
    expect(new Set(rows.map((r) => r.node))).toEqual(new Set(['n1', 'n2']));
  });

  it('shows a screen on one node what another node stored, equal to the database', async () => {
    cluster = await createTestCluster(2, () => ({ hubs: { live: { flushMs: 50 } } }));
    const [a, b] = pair(cluster);
    await Promise.all([a.start(), b.start()]);
    const { secret } = await pairedDisplay(a.ctx);
    const { deltas } = await subscribed(b.url!, secret);

    await recordComplaints(a.ctx, [
      aComplaint({ externalId: 'remote-1', text: 'Яма у дома, звоните Иванову +7 916 123-45-67' }),
    ]);
    const expected = await getSummary(a.ctx.db, {}, new Date());
    const delta = await until(
      () => deltas.find((d) => d.recent.some((r) => r.excerpt.includes('Яма'))),
      2000,
    );
    expect(delta.summary.today).toBe(expected.today);
    expect(delta.summary.open).toBe(expected.open);
    // The text was read on node b and masked there: the phone never reaches the screen.
    expect(delta.recent[0]!.excerpt).not.toMatch(/916/);
    expect(b.ctx.changes).toBeDefined();
  });

  it('raises an incident on a screen of the other node, and its acknowledgement reaches it within 2 s', async () => {
    cluster = await createTestCluster(2, () => ({ incidentScan: { intervalMs: 200 } }));
    const [a, b] = pair(cluster);
    await Promise.all([a.start(), b.start()]);
    const { socket } = await subscribed(b.url!, await personalToken(a.ctx, 'operator'));
    const lists: Incident[][] = [];
    socket.on('incident:list', (list) => lists.push(list));
    const now = Date.now();
    await recordComplaints(
      a.ctx,
      Array.from({ length: 20 }, (_, i) =>
        aComplaint({
          externalId: `burst-${i}`,
          category: 'housing.power-outage',
          text: 'Нет света во всём доме',
          receivedAt: new Date(now - 20 * 60_000 + i * 30_000).toISOString(),
        }),
      ),
    );
    const raised = await until(
      () => lists.at(-1)?.find((i) => i.category === 'housing.power-outage' && i.status === 'new'),
      5000,
    );
    const operator: Actor = {
      kind: 'user',
      userId: 1,
      login: 'petrov',
      name: 'Петров А. А.',
      role: 'operator',
      scopes: { blocks: [], municipalities: [], executors: [] },
      credentialId: 1,
      via: 'session',
    };
    const answered = Date.now();
    const follower = a.leadership.isLeader ? b : a;
    expect(await answerIncident(follower.ctx, operator, raised.id, 'acknowledged', null)).toMatchObject({
      status: 'applied',
    });
    const seen = await until(
      () => lists.at(-1)?.find((i) => i.id === raised.id && i.status === 'acknowledged'),
      2000,
    );
    expect(seen.acknowledgedBy).toBe('Петров А. А.');
    expect(Date.now() - answered).toBeLessThan(2000);
  });

  it('elects one leader, fences a deposed one, and elects another when it goes', async () => {
    cluster = await createTestCluster(2);
    const [a, b] = pair(cluster);
    await a.start();
    await b.start();
    expect(a.leadership.isLeader).toBe(true);
    expect(b.leadership.isLeader).toBe(false);
    await expect(
      commitChange(b.ctx, { lane: 'exclusive', items: 0, asLeader: true }, async () => 1),
    ).rejects.toBeInstanceOf(NotLeaderError);
    await expect(
      commitChange(a.ctx, { lane: 'exclusive', items: 0, asLeader: true }, async () => 1),
    ).resolves.toBe(1);

    const gone = Date.now();
    await a.close();
    await until(() => b.leadership.isLeader, 5000);
    expect(Date.now() - gone).toBeLessThan(5000);
    const [row] = rowsOf<{ term: number; node: string }>(
      await b.ctx.db.execute(sql`select term::int as term, node from leadership where name = 'main'`),
    );
    expect(row).toEqual({ term: 2, node: 'n2' });
  });

  it('steps down at once when its lock session dies, and another node takes over', async () => {
    cluster = await createTestCluster(2);
    const [a, b] = pair(cluster);
    await a.start();
    await b.start();
    expect(a.leadership.isLeader).toBe(true);
    // What a vanished node looks like to PostgreSQL: its session ends, and the lock with it.
    await a.ctx.db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'cur-wall leader n1'`,
    );
    await until(() => b.leadership.isLeader, 5000);
    await until(() => !a.leadership.isLeader, 2000);
    await expect(
      commitChange(a.ctx, { lane: 'exclusive', items: 0, asLeader: true }, async () => 1),
    ).rejects.toBeInstanceOf(NotLeaderError);
  });

  it('ends a hung leader’s session once its lease runs out, and takes over', async () => {
    cluster = await createTestCluster(1);
    const [b] = cluster.nodes as [NonNullable<TestCluster['nodes'][0]>];
    // A leader that hangs: its session holds the lock, nothing renews the lease.
    const base = new URL(process.env.TEST_DATABASE_URL!);
    base.pathname = `/${await currentDatabase(b)}`;
    const hung = postgres(base.toString(), { max: 1, onnotice: () => {} });
    try {
      await hung`select pg_advisory_lock(7221001)`;
      await hung`update leadership set term = term + 1, node = 'hung', renewed_at = now() where name = 'main'`;
      await b.start();
      // Within its lease the holder is left alone.
      await new Promise((r) => setTimeout(r, 1500));
      expect(b.leadership.isLeader).toBe(false);
      await until(() => b.leadership.isLeader, 5000);
      const [row] = rowsOf<{ node: string; term: number }>(
        await b.ctx.db.execute(sql`select node, term::int as term from leadership where name = 'main'`),
      );
      expect(row).toEqual({ node: 'n1', term: 2 });
    } finally {
      await hung.end({ timeout: 0 }).catch(() => {});
    }
  });

  it('tells a screen its node and database state, and reloads screens of every node on request', async () => {
    cluster = await createTestCluster(2);
    const [a, b] = pair(cluster);
    await Promise.all([a.start(), b.start()]);
    const { secret } = await pairedDisplay(a.ctx);
    const socket: Client = connect(b.url!, { auth: { token: secret }, transports: ['websocket'] });
    sockets.push(socket);
    const status = await new Promise((resolve) => socket.once('server:status', resolve));
    expect(status).toMatchObject({ database: 'ok', node: 'n2' });
    const reload = new Promise<void>((resolve) => socket.once('app:reload', () => resolve()));
    // Asked on node a, which holds no screen itself: the event crosses to node b.
    expect(a.reloadScreens()).toBe(0);
    await reload;
  });

  it('drops a revoked display’s socket on whichever node holds it', async () => {
    cluster = await createTestCluster(2);
    const [a, b] = pair(cluster);
    await Promise.all([a.start(), b.start()]);
    const display = await pairedDisplay(a.ctx);
    const { socket } = await subscribed(b.url!, display.secret);
    const revoked = new Promise<void>((resolve) => socket.on('session:revoked', () => resolve()));
    const dropped = new Promise<void>((resolve) => socket.on('disconnect', () => resolve()));
    // Revoked through node a: its listener reaches node b's socket through the adapter.
    await revokeCredentials(a.ctx.db, a.ctx.revocations, { id: display.credentialId }, new Date());
    await Promise.all([revoked, dropped]);
  });
});
