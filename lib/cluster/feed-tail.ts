import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { rowsOf } from '../../db/client';
import type { FeedPayload } from '../../db/schema/change-feed';
import type { AppContext } from '../context';
import type { CommittedChange } from '../commit/change-bus';
import { FEED_CHANNEL } from '../commit/append-to-feed';
import type { ComplaintStatus } from '../domain/statuses';
import { describeError } from '../log/describe-error';
import { feedAppliedSeq, feedHeadSeq, feedLagSeconds } from '../metrics/registry';

export interface FeedTailOptions {
  /** Read even without a NOTIFY this often: a lost notification (LISTEN reconnecting) costs at most this. */
  pollMs?: number;
  /** Rows read per query. */
  batch?: number;
}

interface FeedRow {
  seq: string | number;
  committed_at: Date | string;
  node: string;
  payload: FeedPayload;
}

/** The other nodes' change as this node's hubs hear it: the same shape as a local commit's. */
function fromFeedPayload(payload: FeedPayload): CommittedChange {
  return {
    created: payload.created.map(([id, at, block, category, oktmo, lat, lon]) => ({
      id,
      receivedAt: new Date(at),
      blockCode: block,
      categoryCode: category,
      municipalityOktmo: oktmo,
      lat,
      lon,
    })),
    transitions: payload.transitions.map(([complaintId, blockCode, from, to, at, exFrom, exTo]) => ({
      complaintId,
      blockCode,
      from: from as ComplaintStatus,
      to: to as ComplaintStatus,
      at: new Date(at),
      ...(exTo !== undefined ? { executor: { from: exFrom ?? null, to: exTo } } : {}),
    })),
    slaMoved: payload.slaMoved,
    ...(payload.incidents ? { incidents: payload.incidents } : {}),
    ...(payload.classifier ? { classifier: payload.classifier } : {}),
  };
}

/** A resync: every scope recounted and every panel marked changed, as the SLA clock's moves do. */
const EVERYTHING: CommittedChange = {
  created: [],
  transitions: [],
  slaMoved: 1,
  incidents: 1,
  classifier: 1,
};

/**
 * Tails the change feed for this node's hubs. NOTIFY only wakes it; what it applies is read by sequence number,
 * in order, from where it stopped, so a missed or doubled notification changes nothing. Its own node's rows
 * were heard in-process at their commit and are skipped. A node that fell behind past the pruning horizon
 * (the rows after its position are gone) recounts everything instead.
 */
export class FeedTail {
  private position = 0;
  private reading: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private stopped = false;
  private failing = false;
  private readonly pollMs: number;
  private readonly batch: number;

  constructor(
    private readonly ctx: AppContext,
    private readonly client: postgres.Sql,
    options: FeedTailOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1000;
    this.batch = options.batch ?? 500;
  }

  /** The highest sequence number this node has applied. */
  get applied(): number {
    return this.position;
  }

  async start(): Promise<void> {
    const [head] = rowsOf<{ seq: string | number }>(
      await this.ctx.db.execute(sql`select seq from change_feed_head where id = 1`),
    );
    // A starting node counts its screens from the database; only what commits after this matters.
    this.position = Number(head?.seq ?? 0);
    feedAppliedSeq.set(this.position);
    const listening = await this.client.listen(
      FEED_CHANNEL,
      () => this.wake(),
      // Also on every reconnect of the LISTEN connection: what committed meanwhile is read at once.
      () => this.wake(),
    );
    this.unlisten = () => listening.unlisten();
    const poll = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.wake();
        poll();
      }, this.pollMs);
      this.timer.unref();
    };
    poll();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.unlisten?.().catch(() => {});
    await this.reading;
  }

  /** Reads now (or right after the read under way); resolves when caught up. */
  wake(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.reading) {
      this.again = true;
      return this.reading;
    }
    this.reading = this.drain()
      .then(() => {
        if (this.failing) this.ctx.log.info({ position: this.position }, 'change feed read again');
        this.failing = false;
      })
      .catch((error: unknown) => {
        // Once per outage: while the database is away every poll fails the same way.
        if (!this.failing) this.ctx.log.warn({ err: describeError(error) }, 'change feed read failed');
        this.failing = true;
      })
      .finally(() => {
        this.reading = null;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.wake();
        }
      });
    return this.reading;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const rows = rowsOf<FeedRow>(
        await this.ctx.db.execute(sql`
          select seq, committed_at, node, payload from change_feed
          where seq > ${this.position} order by seq limit ${this.batch}`),
      );
      if (rows.length === 0) return;
      if (Number(rows[0]!.seq) !== this.position + 1) {
        this.ctx.log.warn({ from: this.position, next: Number(rows[0]!.seq) }, 'change feed gap: recounting');
        this.ctx.changes.publish(EVERYTHING);
      }
      for (const row of rows) {
        if (row.node !== this.ctx.nodeId) this.ctx.changes.publish(fromFeedPayload(row.payload));
        this.position = Number(row.seq);
      }
      const last = rows[rows.length - 1]!;
      feedHeadSeq.set(this.position);
      feedAppliedSeq.set(this.position);
      feedLagSeconds.set(Math.max(0, (Date.now() - new Date(last.committed_at).getTime()) / 1000));
      if (rows.length < this.batch) return;
    }
  }
}
