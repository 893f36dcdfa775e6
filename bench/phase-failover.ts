/**
 * Phase: failover. Three nodes behind the balancer, a steady writer through it (20 complaints every 50 ms); the
 * leader is killed with SIGKILL, the time to the next `leader elected` line (its pino time) and to the first
 * acknowledged write sent after the kill are measured, the node is started again, and so on for a few rounds.
 */
import { buildTemplates, type Reference } from './lib/complaints';
import { leaderOf, logSize, logTime, withCluster, type BenchCluster } from './lib/cluster';
import { phaseResult, type BenchContext } from './lib/context';
import { buildPointPool } from './lib/geo-points';
import { emptyTally, getJson, keepAliveAgent } from './lib/http';
import { steady, type SentBatch } from './lib/pacer';
import { figure, fmt, type PhaseResult } from './lib/report';
import { nowMs, sleep } from './lib/stats';

const ROUNDS = 3;
const ROUND_MS = 14_000;
const SETTLE_MS = 4000;

interface Round {
  killed: string;
  elected: string | null;
  electionMs: number | null;
  firstWriteMs: number | null;
  longestGapMs: number;
}

async function rounds(cluster: BenchCluster, batches: () => SentBatch[]): Promise<Round[]> {
  const out: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    await sleep(SETTLE_MS);
    const leader = await leaderOf(cluster.nodes);
    const survivors = cluster.nodes.filter((n) => n !== leader);
    const marks = survivors.map(logSize);
    const killedAt = Date.now();
    const killedAtMs = nowMs();
    process.kill(leader.pid, 'SIGKILL');
    let elected: string | null = null;
    let electedAt: number | null = null;
    for (const deadline = Date.now() + 15_000; Date.now() < deadline && electedAt === null;) {
      survivors.forEach((n, i) => {
        const at = logTime(n, /"msg":"leader elected"/, marks[i]!);
        if (at !== null && electedAt === null) [elected, electedAt] = [n.nodeId, at];
      });
      if (electedAt === null) await sleep(25);
    }
    // Let the writer show what the kill cost it, then bring the node back for the next round.
    await sleep(ROUND_MS - SETTLE_MS - 6000);
    const after = batches().filter((b) => b.sentAt >= killedAtMs);
    const firstWrite = after.length ? Math.min(...after.map((b) => b.ackAt)) - killedAtMs : null;
    const acks = batches()
      .map((b) => b.ackAt)
      .filter((t) => t >= killedAtMs - 1000 && t <= killedAtMs + 5000)
      .sort((a, b) => a - b);
    let gap = 0;
    for (let i = 1; i < acks.length; i++) gap = Math.max(gap, acks[i]! - acks[i - 1]!);
    out.push({
      killed: leader.nodeId,
      elected,
      electionMs: electedAt === null ? null : electedAt - killedAt,
      firstWriteMs: firstWrite,
      longestGapMs: Math.round(gap),
    });
    console.log(
      `  round ${r + 1}: killed ${leader.nodeId}, ${elected ?? 'nobody'} elected after ${electedAt === null ? 'n/a' : electedAt - killedAt} ms; first write after ${fmt(firstWrite ?? Number.NaN)} ms, longest gap ${Math.round(gap)} ms`,
    );
    await cluster.restart(leader);
  }
  return out;
}

export async function phaseFailover(ctx: BenchContext): Promise<PhaseResult> {
  const result = phaseResult('failover', 'f. Failover: the leader killed with SIGKILL under a steady writer');
  await withCluster(
    ctx,
    'failover',
    3,
    async (cluster) => {
      const ref = await getJson<Reference>(`${cluster.url}/api/v1/reference`);
      const now = Date.now();
      const templates = buildTemplates(ref, buildPointPool(3000), {
        batchSize: 20,
        count: 50,
        receivedFrom: now - 2 * 3600_000,
        receivedTo: now - 60_000,
      });
      const agent = keepAliveAgent(16);
      const tally = emptyTally();
      const sent: SentBatch[] = [];
      const writer = steady({
        agent,
        baseUrl: cluster.url,
        templates,
        prefix: `${ctx.runTag}f`,
        tally,
        intervalMs: 50,
        warmupMs: 0,
        durationMs: ROUNDS * ROUND_MS + 15_000,
        maxInFlight: 16,
        onBatch: (b) => sent.push(b),
      });
      const measured = await rounds(cluster, () => sent);
      const run = await writer;
      agent.destroy();
      const election = measured.map((r) => r.electionMs ?? Number.POSITIVE_INFINITY);
      const firstWrite = measured.map((r) => r.firstWriteMs ?? Number.POSITIVE_INFINITY);
      result.figures.push(
        figure('kill → next leader elected, worst of rounds', Math.max(...election), 'ms', {
          op: '<=',
          value: 5000,
        }),
        figure('kill → next leader elected, each round', election.join(' / '), 'ms'),
        figure(
          'kill → first acknowledged write sent after it, worst',
          Math.round(Math.max(...firstWrite)),
          'ms',
        ),
        figure(
          'longest gap between acknowledged writes around a kill',
          Math.max(...measured.map((r) => r.longestGapMs)),
          'ms',
        ),
        figure('failed requests (502 or transport, the batch not resent)', tally.failed, ''),
        figure('ticks skipped (16 requests already waiting)', run.skipped, ''),
      );
      result.notes.push(
        `3 nodes behind HAProxy (deploy/haproxy.cfg), LOG_LEVEL=info; a writer starts a batch of 20 every 50 ms through the balancer (at most 16 waiting). ${ROUNDS} rounds: the leader (cur_leader 1 in /metrics) is killed with SIGKILL; election time = the pino time of the next "leader elected" line minus the kill; first write = the first acknowledged batch among those sent after the kill; then the node is started again on its port and the balancer takes it back. Failed requests are the answers the dead node owed (the bench does not resend them; a real client would, with the same ids).`,
        ...tally.rejectSamples.map((s) => `sample error: ${s}`),
      );
      result.details = { rounds: measured, tally, skipped: run.skipped };
    },
    { LOG_LEVEL: 'info' },
  );
  return result;
}
