import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client';
import { pgArray } from '../../db/pg-array';
import { matchProblems, type DuplicateRule, type ProblemCandidate } from './match-problems';
import { selectKnownProblems } from './select-known-problems';

/** What a batch adds to one problem. */
interface Tally {
  complaints: number;
  open: number;
  firstAt: number;
  lastAt: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

function addTo(tallies: Map<number, Tally>, key: number, at: number, open: boolean): void {
  const t = tallies.get(key);
  if (!t) {
    tallies.set(key, { complaints: 1, open: open ? 1 : 0, firstAt: at, lastAt: at });
    return;
  }
  t.complaints += 1;
  if (open) t.open += 1;
  t.firstAt = Math.min(t.firstAt, at);
  t.lastAt = Math.max(t.lastAt, at);
}

/**
 * Gives each complaint of an intake batch its problem (see matchProblems for the rules) inside the intake
 * transaction, with at most three statements whatever the batch size: one select of the problems near the
 * batch, one insert of the problems it starts, one update of the problems it joins. Returns the problem id per
 * item, in input order (null for a complaint without a category).
 *
 * Two intake transactions (two lanes, or two nodes) that start the same new problem at the same moment each
 * start their own: the place shows two problems where one would do, and no complaint is counted twice.
 */
export async function joinProblems(
  tx: Tx,
  items: (ProblemCandidate & { open: boolean })[],
  rules: ReadonlyMap<string, DuplicateRule>,
  /**
   * Takes the update of the joined problems to run later in the transaction. Those rows are hot (every batch
   * near a recent problem updates it) and a row lock lasts to the commit: intake runs it at the very end, so
   * another node's or lane's batch waits for it only as long as the commit's own tail.
   */
  deferUpdate?: (update: (tx: Tx) => Promise<void>) => void,
): Promise<(number | null)[]> {
  if (items.length === 0) return [];
  const known = await selectKnownProblems(tx, items, rules);
  const { refs, created } = matchProblems(items, known, rules);

  const joined = new Map<number, Tally>();
  const started = new Map<number, Tally>();
  refs.forEach((ref, i) => {
    if (ref === null) return;
    const { receivedAt, open } = items[i]!;
    if ('existing' in ref) addTo(joined, ref.existing, receivedAt.getTime(), open);
    else addTo(started, ref.created, receivedAt.getTime(), open);
  });

  const createdIds: number[] = [];
  if (created.length > 0) {
    const tally = (i: number) => started.get(i)!;
    const order = created.map((_, i) => i);
    // Ids are drawn in a CTE paired with each row's ordinal: a volatile CTE runs once, so the ids returned are
    // the ids inserted, matched by ordinal rather than by trusting the order of RETURNING.
    const rows = rowsOf<{ id: string | number | bigint; ord: string | number | bigint }>(
      await tx.execute(sql`
        with src as (
          select nextval(pg_get_serial_sequence('problems', 'id')) as id, t.*
          from unnest(${pgArray(created.map((p) => p.categoryCode))}::text[],
                      ${pgArray(created.map((p) => p.blockCode))}::text[],
                      ${pgArray(created.map((p) => p.municipalityOktmo))}::text[],
                      ${pgArray(created.map((p) => p.lat))}::float8[],
                      ${pgArray(created.map((p) => p.lon))}::float8[],
                      ${pgArray(created.map((p) => p.h3Coarse))}::text[],
                      ${pgArray(order.map((i) => iso(tally(i).firstAt)))}::timestamptz[],
                      ${pgArray(order.map((i) => iso(tally(i).lastAt)))}::timestamptz[],
                      ${pgArray(order.map((i) => tally(i).complaints))}::int[],
                      ${pgArray(order.map((i) => tally(i).open))}::int[])
            with ordinality as t(c, b, m, la, lo, h, f, l, n, o, ord)
        ),
        ins as (
          insert into problems (id, category_code, block_code, municipality_oktmo, lat, lon, h3_coarse,
                                first_at, last_at, complaints, open_complaints)
          overriding system value
          select id, c, b, m, la, lo, h, f, l, n, o from src
        )
        select id, ord from src`),
    );
    for (const r of rows) createdIds[Number(r.ord) - 1] = Number(r.id);
  }

  if (joined.size > 0) {
    const update = (late: Tx) => updateJoined(late, joined);
    if (deferUpdate) deferUpdate(update);
    else await update(tx);
  }

  return refs.map((ref) => {
    if (ref === null) return null;
    if ('existing' in ref) return ref.existing;
    const id = createdIds[ref.created];
    if (id === undefined) throw new Error(`problem ${ref.created} of the batch was not inserted`);
    return id;
  });
}

/** Adds a batch's tallies to the problems it joined, in id order (the global lock order of problem rows). */
async function updateJoined(tx: Tx, joined: ReadonlyMap<number, Tally>): Promise<void> {
  const ids = [...joined.keys()].sort((a, b) => a - b);
  const t = (id: number) => joined.get(id)!;
  await tx.execute(sql`
      update problems p
      set complaints = p.complaints + d.n,
          open_complaints = p.open_complaints + d.o,
          first_at = least(p.first_at, d.f),
          last_at = greatest(p.last_at, d.l)
      from unnest(${pgArray(ids)}::bigint[], ${pgArray(ids.map((id) => t(id).complaints))}::int[],
                  ${pgArray(ids.map((id) => t(id).open))}::int[],
                  ${pgArray(ids.map((id) => iso(t(id).firstAt)))}::timestamptz[],
                  ${pgArray(ids.map((id) => iso(t(id).lastAt)))}::timestamptz[]) as d(id, n, o, f, l)
      where p.id = d.id`);
}

/**
 * Applies the lifecycle's changes to problems' open counts (a complaint resolved: −1, reopened: +1) in one
 * statement. A problem is open while its count is above zero.
 */
export async function adjustOpenProblems(tx: Tx, deltas: ReadonlyMap<number, number>): Promise<void> {
  const ids = [...deltas.keys()].filter((id) => deltas.get(id) !== 0).sort((a, b) => a - b);
  if (ids.length === 0) return;
  await tx.execute(sql`
    update problems p
    set open_complaints = p.open_complaints + d.delta
    from unnest(${pgArray(ids)}::bigint[], ${pgArray(ids.map((id) => deltas.get(id)!))}::int[]) as d(id, delta)
    where p.id = d.id`);
}

/**
 * Takes one complaint out of its problem (an operator corrected its category): the problem counts one complaint
 * fewer, and a problem left with none is deleted, so it is not counted as a problem that never was.
 */
export async function leaveProblem(tx: Tx, problemId: number, open: boolean): Promise<void> {
  await tx.execute(sql`
    update problems
    set complaints = complaints - 1, open_complaints = open_complaints - ${open ? 1 : 0}
    where id = ${problemId}`);
  await tx.execute(sql`delete from problems where id = ${problemId} and complaints <= 0`);
}
