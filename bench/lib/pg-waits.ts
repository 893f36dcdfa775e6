/**
 * What PostgreSQL's backends of one database wait on while a phase runs: pg_stat_activity sampled every 200 ms,
 * active backends counted by wait event ("running" when they wait on nothing). A lock wait that dominates says
 * the writers queue behind each other's rows rather than run out of CPU.
 */
import postgres from 'postgres';

export interface WaitShare {
  wait: string;
  /** Share of all active-backend samples, in percent. */
  percent: number;
}

export function sampleWaits(databaseUrl: string, everyMs = 200): { stop: () => Promise<WaitShare[]> } {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const counts = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const rows = await sql<{ w: string; n: number }[]>`
          select coalesce(wait_event_type || ':' || wait_event, 'running') as w, count(*)::int as n
          from pg_stat_activity
          where datname = current_database() and state = 'active' and pid <> pg_backend_pid()
            and backend_type = 'client backend' and query not ilike 'listen%'
          group by 1`;
        for (const r of rows) counts.set(r.w, (counts.get(r.w) ?? 0) + r.n);
      } catch {
        // A sample lost is a sample lost; the phase goes on.
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await sql.end({ timeout: 5 });
      const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
      return [...counts]
        .map(([wait, n]) => ({ wait, percent: Math.round((n / total) * 1000) / 10 }))
        .sort((a, b) => b.percent - a.percent);
    },
  };
}
