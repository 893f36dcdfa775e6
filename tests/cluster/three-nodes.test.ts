/**
 * Issue 14's acceptance on PostgreSQL: three nodes behind HAProxy (deploy/haproxy.cfg), intake spread over all
 * of them, wall clients on each node and through the balancer, a webhook receiver; the leader is killed with
 * SIGKILL mid-stream. What is asserted, precisely:
 *   - intake: every acknowledged item is stored once, under the id it was acknowledged with; rows nobody
 *     acknowledged belong only to batches the writer gave up on; every node committed arrivals;
 *   - leader: another node logs `leader elected` within 5 s of the kill, and exactly one node leads after;
 *   - SLA: the feed's SLA moves add up to the complaints' states (a complaint moved twice would add twice), and
 *     every SLA tick was committed by the node that led at that time;
 *   - webhooks: every queued answer reaches the receiver; an answer arrives twice only if the killed leader had
 *     it in flight (its first arrival before the kill, at most the dispatcher's 8 slots): at-least-once, the
 *     receiver dedupes on X-Cur-Delivery, and no answer is ever sent twice by two live leaders;
 *   - walls: every client on a surviving node, and every client through the balancer (moved by it if its node
 *     died), shows the database's today / open / overdue within 2 s of the last commit that changed them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookReceiver } from '../helpers/webhook-receiver';
import { startBalancer, type Balancer } from './support/balancer';
import {
  databaseNumbers,
  eventually,
  feedRows,
  findLeader,
  openSql,
  type FeedRow,
  type Sql,
} from './support/cluster-facts';
import { startWriter, type WriterReport } from './support/intake-writer';
import { startMover, type MoverReport } from './support/lifecycle-mover';
import { startPostgres, type ThrowawayPostgres } from './support/postgres';
import { killAllNodes, spawnNode, type ClusterSecrets, type NodeProcess } from './support/spawn-node';
import { sameNumbers, watchWall, type WallNumbers, type WallWatch } from './support/wall-watch';

const RUN_MS = 50_000;
const KILL_AT_MS = 20_000;
const POINTS: [number, number][] = [
  [55.7963, 37.938], // Балашиха
  [55.4312, 37.5447], // Подольск
  [55.9116, 37.7307], // Мытищи
  [55.897, 37.4297], // Химки
  [55.0794, 38.7783], // Коломна
  [56.3439, 37.5203], // Дмитров
];
const CATEGORIES = ['housing.lift-broken', 'housing.no-heating', 'transport.pothole', 'housing.roof-leak'];
const SLA_CATEGORY = 'housing.lift-broken'; // 24 h
const SLA_COUNT = 90;

let pg: ThrowawayPostgres;
let sql: Sql;
let nodes: NodeProcess[] = [];
let balancer: Balancer;
let receiver: WebhookReceiver;
let secrets: ClusterSecrets;
const walls: WallWatch[] = [];

interface Outcome {
  killed: NodeProcess;
  killedAt: number;
  electedAt: number;
  newLeader: NodeProcess;
  bulk: WriterReport;
  hooked: WriterReport;
  sla: WriterReport;
  moves: MoverReport;
  feed: FeedRow[];
  truth: WallNumbers;
}
let outcome: Outcome;

const item = (batch: number, i: number) => {
  const [lat, lon] = POINTS[(batch + i) % POINTS.length]!;
  return {
    receivedAt: new Date(Date.now() - 2000).toISOString(),
    text: `Кластерная проверка: не работает лифт, подъезд ${i + 1}, партия ${batch}`,
    lat: lat + ((i % 7) - 3) * 0.002,
    lon: lon + ((batch % 5) - 2) * 0.002,
    category: CATEGORIES[(batch + i) % CATEGORIES.length]!,
  };
};

async function scenario(): Promise<Outcome> {
  const t0 = Date.now();
  const leader = await findLeader(nodes, 15_000);
  // Complaints that fall due during the run (10–40 s in), so the SLA clock moves some before the kill and the
  // rest after it, on the next leader.
  const slaWriter = startWriter({
    url: balancer.url,
    key: secrets.sourceKeys.incident!,
    source: 'incident',
    prefix: 'sla',
    lanes: 1,
    batchSize: SLA_COUNT,
    intervalMs: 0,
    maxBatches: 1,
    item: (_b, i) => ({
      ...item(0, i),
      category: SLA_CATEGORY,
      receivedAt: new Date(t0 - 24 * 3600_000 + 10_000 + (i * 30_000) / SLA_COUNT).toISOString(),
    }),
  });
  const sla = await slaWriter.done;
  const bulkWriter = startWriter({
    url: balancer.url,
    key: secrets.sourceKeys.incident!,
    source: 'incident',
    prefix: 'bulk',
    lanes: 3,
    batchSize: 25,
    intervalMs: 250,
    item,
  });
  const hookWriter = startWriter({
    url: balancer.url,
    key: secrets.sourceKeys.dobrodel!,
    source: 'dobrodel',
    prefix: 'hook',
    lanes: 1,
    batchSize: 10,
    intervalMs: 500,
    item,
  });
  // The answers: an operator moves the webhook source's complaints into work as they arrive.
  const mover = startMover({
    url: balancer.url,
    token: secrets.operatorToken,
    queue: () => [...hookWriter.report.acked.values()],
    lanes: 2,
    intervalMs: 100,
  });
  await new Promise((r) => setTimeout(r, KILL_AT_MS));
  const marks = nodes.map((n) => n.mark());
  const killedAt = Date.now();
  leader.kill('SIGKILL');
  const survivors = nodes.filter((n) => n !== leader);
  const elected = await Promise.any(
    survivors.map((n) =>
      n.waitForLog(/"msg":"leader elected"/, 30_000, marks[nodes.indexOf(n)]).then((line) => ({ n, line })),
    ),
  );
  const electedAt = (JSON.parse(elected.line) as { time: number }).time;
  // The killed node's own direct client has nowhere to go.
  walls.find((w) => w.name === `direct-${leader.nodeId}`)?.close();
  await new Promise((r) => setTimeout(r, Math.max(0, RUN_MS - (Date.now() - t0))));
  const [bulk, hooked] = await Promise.all([bulkWriter.stop(), hookWriter.stop()]);
  const moves = await mover.stop();

  // Quiescence: every SLA complaint moved (the new leader's clock ticks 20 s after its election), every answer
  // delivered. Then nothing changes any more and the walls must show the database.
  await eventually(
    async () => {
      const [r] = await sql<{ n: number }[]>`
        select count(*)::int as n from complaints where external_id like 'sla-%' and sla_state = 'on_time'`;
      return r!.n === 0 ? true : undefined;
    },
    60_000,
    'every SLA complaint past its due time moved to late',
  );
  await eventually(
    async () => {
      const [r] = await sql<{ n: number }[]>`
        select count(*)::int as n from webhook_deliveries where status = 'pending'`;
      return r!.n === 0 ? true : undefined;
    },
    120_000,
    'every queued answer delivered',
  ).catch(async (error: Error) => {
    // Say what is stuck: how many, how often tried, when due, why.
    const stuck = await sql`
      select status, attempts, count(*)::int as n, min(next_attempt_at) as due, max(last_error) as error
      from webhook_deliveries group by 1, 2 order by 1, 2`;
    throw new Error(`${error.message}: ${JSON.stringify(stuck)}`);
  });
  const newLeader = await findLeader(survivors, 10_000);
  console.log(
    `cluster: killed ${leader.nodeId}, ${newLeader.nodeId} elected after ${electedAt - killedAt} ms; ` +
      `acked ${bulk.acked.size + hooked.acked.size + sla.acked.size}, retries ${JSON.stringify([...bulk.retries, ...hooked.retries])}; ` +
      `moved ${moves.moved.size} (+${moves.conflicts.size} on retry), retries ${JSON.stringify([...moves.retries])}; ` +
      `walls ${walls.map((w) => `${w.name}@${w.node() ?? '?'} (${w.disconnects} disconnects)`).join(', ')}`,
  );
  return {
    killed: leader,
    killedAt,
    electedAt,
    newLeader,
    bulk,
    hooked,
    sla,
    moves,
    feed: await feedRows(sql),
    truth: await databaseNumbers(sql),
  };
}

beforeAll(async () => {
  pg = await startPostgres();
  sql = openSql(pg.url);
  receiver = new WebhookReceiver();
  await receiver.start();
  const env = { EGRESS_ALLOW_HOSTS: receiver.host };
  // One at a time: the first migrates the fresh database and provisions the identities.
  const first = await spawnNode({ databaseUrl: pg.url, nodeId: 'n1', bootstrap: true, env });
  secrets = first.secrets!;
  nodes = [first];
  for (const nodeId of ['n2', 'n3']) nodes.push(await spawnNode({ databaseUrl: pg.url, nodeId, env }));
  balancer = await startBalancer(nodes);

  const hook = await fetch(`${balancer.url}/api/v1/sources/dobrodel/webhook`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${secrets.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ url: receiver.url('/hook'), secret: 'cluster-tests-webhook-secret' }),
  });
  expect(hook.status, await hook.text()).toBe(201);

  for (const n of nodes)
    walls.push(
      await watchWall(n.url, { name: `direct-${n.nodeId}`, token: secrets.operatorToken, mode: 'websocket' }),
    );
  for (let k = 0; k < 3; k++)
    walls.push(
      await watchWall(balancer.url, { name: `balanced-${k}`, token: secrets.operatorToken, mode: 'browser' }),
    );

  outcome = await scenario();
});

afterAll(async () => {
  for (const w of walls) w.close();
  await balancer?.stop();
  await Promise.all(nodes.map((n) => n.stop()));
  killAllNodes();
  await receiver?.close();
  await sql?.end({ timeout: 5 });
  await pg?.destroy();
});

describe('three nodes on one PostgreSQL, the leader killed mid-stream', () => {
  it('stores every acknowledged item once, under its acknowledged id, from all three nodes', async () => {
    const { bulk, hooked, sla, feed, killed, killedAt } = outcome;
    const writers = [bulk, hooked, sla];
    expect(writers.flatMap((w) => w.rejected)).toEqual([]);
    const acked = new Map(writers.flatMap((w) => [...w.acked]));
    const given = new Set(writers.flatMap((w) => w.unacknowledged));
    expect(acked.size).toBeGreaterThan(3000);
    const rows = await sql<{ external_id: string; id: string; n: number }[]>`
      select external_id, min(id) as id, count(*)::int as n from complaints
      where external_id ~ '^(bulk|hook|sla)-' group by source_code, external_id`;
    const stored = new Map(rows.map((r) => [r.external_id, Number(r.id)]));
    expect(rows.filter((r) => r.n > 1)).toEqual([]);
    const lost = [...acked].filter(([ext, id]) => stored.get(ext) !== id);
    expect(lost).toEqual([]);
    const unexplained = [...stored.keys()].filter((ext) => !acked.has(ext) && !given.has(ext));
    expect(unexplained).toEqual([]);

    const arrivalsBy = (pick: (r: FeedRow) => boolean) =>
      new Set(feed.filter((r) => r.created > 0 && pick(r)).map((r) => r.node));
    expect([...arrivalsBy(() => true)].sort()).toEqual(['n1', 'n2', 'n3']);
    // After the kill both survivors still take intake.
    expect(arrivalsBy((r) => r.committedAt > killedAt + 2000).size).toBe(2);
    expect(arrivalsBy((r) => r.committedAt > killedAt).has(killed.nodeId)).toBe(false);
  });

  it('elects a new leader within 5 s of the old one dying, and exactly one leads after', () => {
    const { killed, killedAt, electedAt, newLeader } = outcome;
    expect(newLeader.nodeId).not.toBe(killed.nodeId);
    expect(electedAt - killedAt).toBeLessThanOrEqual(5000);
  });

  it('moves each complaint past its due time once, each tick committed by the node that led then', async () => {
    const { feed, killed, killedAt, newLeader } = outcome;
    const [states] = await sql<{ late: number; very_late: number }[]>`
      select count(*) filter (where sla_state = 'late')::int as late,
             count(*) filter (where sla_state = 'very_late')::int as very_late from complaints`;
    expect(states!.late).toBeGreaterThanOrEqual(SLA_COUNT);
    const moved = feed.reduce((sum, r) => sum + r.slaMoved, 0);
    expect(moved).toBe(states!.late + 2 * states!.very_late);
    const ticks = feed.filter((r) => r.slaMoved > 0);
    expect(ticks.filter((r) => r.committedAt < killedAt && r.node !== killed.nodeId)).toEqual([]);
    expect(ticks.filter((r) => r.committedAt > killedAt && r.node !== newLeader.nodeId)).toEqual([]);
    // Both sides of the kill moved some: the new leader took the clock over.
    expect(ticks.some((r) => r.committedAt > killedAt)).toBe(true);
  });

  it('delivers every answer; only what the killed leader had in flight arrives twice', async () => {
    const { electedAt, moves } = outcome;
    expect(moves.failures).toEqual([]);
    expect(moves.moved.size).toBeGreaterThan(100);
    // Each move is one event (expectedStatus kept a retried move from being a second one), one answer queued.
    const events = await sql<{ complaint_id: string; n: number }[]>`
      select e.complaint_id, count(*)::int as n from complaint_events e
      join complaints c on c.id = e.complaint_id
      where c.source_code = 'dobrodel' and e.to_status = 'in_progress' group by e.complaint_id`;
    expect(events.filter((e) => e.n > 1)).toEqual([]);
    const inWork = new Set(events.map((e) => Number(e.complaint_id)));
    expect([...moves.moved, ...moves.conflicts].filter((id) => !inWork.has(id))).toEqual([]);
    const deliveries = await sql<{ id: string; status: string }[]>`select id, status from webhook_deliveries`;
    expect(deliveries.length).toBe(inWork.size);
    expect(deliveries.filter((d) => d.status !== 'delivered')).toEqual([]);
    const arrivals = new Map<string, number[]>();
    for (const r of receiver.to('/hook')) {
      const id = String(r.headers['x-cur-delivery']);
      arrivals.set(id, [...(arrivals.get(id) ?? []), performance.timeOrigin + r.at]);
    }
    expect(deliveries.filter((d) => !arrivals.has(String(d.id)))).toEqual([]);
    expect([...arrivals.keys()].filter((id) => !deliveries.some((d) => String(d.id) === id))).toEqual([]);
    const twice = [...arrivals].filter(([, at]) => at.length > 1);
    expect(twice.length).toBeLessThanOrEqual(8);
    for (const [id, at] of twice) {
      expect(at.length, `delivery ${id}`).toBe(2);
      // Before any new leader existed: the first copy came from the killed one.
      expect(at[0]!, `delivery ${id}: first sent by the killed leader`).toBeLessThan(electedAt);
    }
  });

  it('shows the database on every surviving client within 2 s of the last commit', async () => {
    const { truth, feed, killed } = outcome;
    const api = (await (
      await fetch(`${balancer.url}/api/v1/summary`, {
        headers: { authorization: `Bearer ${secrets.operatorToken}` },
      })
    ).json()) as WallNumbers;
    expect({ today: api.today, open: api.open, overdue: api.overdue }).toEqual(truth);
    // The last commit that changed these numbers: arrivals (today, open) and SLA moves (overdue); the moves into
    // work leave all three as they were. committed_at is taken just before the commit, so the lag is if anything
    // overstated.
    const lastCommit = Math.max(
      ...feed.filter((r) => r.created > 0 || r.slaMoved > 0).map((r) => r.committedAt),
    );
    const surviving = walls.filter((w) => w.name !== `direct-${killed.nodeId}`);
    for (const w of surviving) {
      await eventually(async () => (sameNumbers(w.latest(), truth) ? true : undefined), 5000, w.name).catch(
        () => undefined,
      );
      expect(
        w.latest() && { today: w.latest()!.today, open: w.latest()!.open, overdue: w.latest()!.overdue },
        w.name,
      ).toEqual(truth);
      // The first update of the final run of equal ones: when this client came to show the final numbers.
      let k = w.updates.length - 1;
      while (k > 0 && sameNumbers(w.updates[k - 1], truth)) k--;
      const lag = w.updates[k]!.t - lastCommit;
      console.log(
        `cluster: ${w.name} showed the final numbers ${lag} ms after the last commit that changed them`,
      );
      expect(lag, `${w.name}: ms after the last commit`).toBeLessThanOrEqual(2000);
    }
  });
});
