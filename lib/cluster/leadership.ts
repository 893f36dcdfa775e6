import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type postgres from 'postgres';
import { rowsOf, type Tx } from '../../db/client';
import type { LeaderFence } from '../context';
import { describeError } from '../log/describe-error';
import { leaderState, leaderTerm } from '../metrics/registry';

/** Raised inside a leader-only transaction when this node no longer holds the term it started with. */
export class NotLeaderError extends Error {
  override readonly name = 'NotLeaderError';
}

/** hashtext('cur-wall:leader') would differ by nothing; a fixed key reads plainer in pg_locks. */
const LOCK_KEY = 7_221_001;

export interface LeadershipOptions {
  nodeId: string;
  log: Logger;
  /**
   * PostgreSQL URL: the lock lives on a connection of its own, so it is held exactly as long as that session
   * and a dead node's lock goes with its socket. Absent (PGlite, or one node alone on PostgreSQL): the one
   * process leads from the start and nothing is fenced.
   */
  databaseUrl?: string;
  /** How often a follower tries the lock and a leader checks its session (default 1 s). */
  intervalMs?: number;
}

type Listener = (leading: boolean) => void;

/**
 * One leader at a time, elected through PostgreSQL: a session advisory lock on a dedicated connection decides,
 * and each election raises the fencing term in `leadership`. Leader-only transactions check the term FOR SHARE
 * (`check`), which also makes a new leader's term increment wait for the old leader's last transaction.
 * A leader that cannot reach its session within one interval steps down at once and closes that connection,
 * so PostgreSQL frees the lock for another node.
 */
export class Leadership implements LeaderFence {
  private term: number | null = null;
  private session: postgres.Sql | null = null;
  private timer: NodeJS.Timeout | null = null;
  private round: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly listeners = new Set<Listener>();
  private readonly intervalMs: number;
  private readonly leaseMs: number;

  constructor(private readonly options: LeadershipOptions) {
    this.intervalMs = options.intervalMs ?? 1000;
    // Three missed renewals (at least 3 s): a busy event loop may miss one; a hung process misses them all.
    this.leaseMs = Math.max(3_000, 3 * this.intervalMs);
    // One process on its database (PGlite, or a single PostgreSQL node): it leads, nothing to fence against.
    if (!options.databaseUrl) this.term = 0;
  }

  get isLeader(): boolean {
    return this.term !== null;
  }

  /** Called with true on election, false on losing it (or stop); a new listener hears the current state. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.term !== null) listener(true);
    return () => this.listeners.delete(listener);
  }

  async check(tx: Tx): Promise<void> {
    if (!this.options.databaseUrl) return;
    const term = this.term;
    if (term === null) throw new NotLeaderError(`node ${this.options.nodeId} is not the leader`);
    const [row] = rowsOf<{ term: string | number }>(
      await tx.execute(sql`select term from leadership where name = 'main' for share`),
    );
    if (Number(row?.term) !== term) {
      this.demote('fenced: a newer term exists');
      throw new NotLeaderError(`node ${this.options.nodeId} was deposed (term ${term})`);
    }
  }

  async start(): Promise<void> {
    if (!this.options.databaseUrl) {
      leaderState.set(1);
      return;
    }
    await this.tick();
    const loop = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => {
        this.round = this.tick().finally(loop);
      }, this.intervalMs);
      this.timer.unref();
    };
    loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
    this.demote('stopping');
    await this.closeSession();
  }

  private async tick(): Promise<void> {
    try {
      if (this.term !== null) {
        // The driver reconnects a dropped connection by itself, and a new session holds no lock: ask whether
        // this session still holds it, not only whether it answers.
        // Renewing the lease in the same round trip: only a session still holding the lock renews it.
        const [held] = await this.withDeadline(this.session!`
          with mine as (
            select exists (select 1 from pg_locks where locktype = 'advisory' and objid = ${LOCK_KEY}
              and granted and pid = pg_backend_pid()) as ok),
          renewed as (
            update leadership set renewed_at = now()
            where name = 'main' and term = ${this.term} and (select ok from mine) returning 1)
          select ok from mine`);
        if (!held?.ok) this.demote('lock session lost');
        return;
      }
      this.session ??= await this.openSession();
      const [got] = await this.withDeadline(this.session`select pg_try_advisory_lock(${LOCK_KEY}) as ok`);
      if (!got?.ok) {
        await this.endStaleLeader(this.session);
        return;
      }
      const session = this.session;
      await this.elect(async () => {
        const [row] = await session`
          update leadership set term = term + 1, node = ${this.options.nodeId}, since = now(),
            renewed_at = now()
          where name = 'main' returning term`;
        return Number(row!.term);
      });
    } catch (error) {
      if (this.term !== null) {
        this.options.log.warn({ err: describeError(error) }, 'leader session failed');
        this.demote('session lost');
      }
      await this.closeSession();
    }
  }

  /**
   * The lock is held but its lease ran out: the holder is alive enough to keep its connection and no more (a
   * stopped or hung process). Ending its session frees the lock for the next try, here or on another node;
   * the fencing term keeps the old leader from writing if it wakes up.
   */
  private async endStaleLeader(session: postgres.Sql): Promise<void> {
    const [ended] = await this.withDeadline(session`
      select pg_terminate_backend(l.pid) as ok, t.node
      from leadership t, pg_locks l
      where t.name = 'main' and t.renewed_at < now() - make_interval(secs => ${this.leaseMs / 1000})
        and l.locktype = 'advisory' and l.objid = ${LOCK_KEY} and l.granted`);
    if (ended?.ok) this.options.log.warn({ stale: ended.node }, 'ended a leader whose lease ran out');
  }

  private async elect(bump: () => Promise<number>): Promise<void> {
    const term = await bump();
    if (this.stopped) return;
    this.term = term;
    leaderState.set(1);
    leaderTerm.set(term);
    this.options.log.info({ term }, 'leader elected');
    this.tell(true);
  }

  private demote(reason: string): void {
    if (this.term === null) return;
    const term = this.term;
    this.term = null;
    leaderState.set(0);
    leaderTerm.set(0);
    this.options.log.warn({ term, reason }, 'leader lost');
    this.tell(false);
    // Closing the session frees the lock; another node may be elected at its next try.
    if (!this.stopped) void this.closeSession();
  }

  private tell(leading: boolean): void {
    for (const listener of this.listeners) {
      try {
        listener(leading);
      } catch (error) {
        this.options.log.error({ err: describeError(error) }, 'leadership listener failed');
      }
    }
  }

  private async openSession(): Promise<postgres.Sql> {
    // Imported lazily like db/client.ts does, so PGlite-only runs never load the driver.
    const { default: connect } = await import('postgres');
    return connect(this.options.databaseUrl!, {
      max: 1,
      onnotice: () => {},
      connect_timeout: Math.max(1, Math.ceil(this.intervalMs / 1000)),
      idle_timeout: 0,
      // Keep-alives let PostgreSQL notice a vanished node (not only a killed one) and free its lock.
      connection: {
        application_name: `cur-wall leader ${this.options.nodeId}`,
        tcp_keepalives_idle: 5,
        tcp_keepalives_interval: 1,
        tcp_keepalives_count: 3,
      } as Record<string, string | number>,
    });
  }

  private async closeSession(): Promise<void> {
    const session = this.session;
    this.session = null;
    await session?.end({ timeout: 0 }).catch(() => {});
  }

  private withDeadline<T>(query: PromiseLike<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('leader session did not answer in time')), this.intervalMs);
    });
    return Promise.race([Promise.resolve(query), deadline]).finally(() => clearTimeout(timer));
  }
}
