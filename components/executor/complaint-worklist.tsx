'use client';

import Link from 'next/link';
import { useEffect, useMemo, useState } from 'react';
import { isOpenStatus, type ComplaintStatus } from '@/lib/domain/statuses';
import type { ComplaintListPage, ComplaintListRow } from '@/lib/lifecycle/list-complaints';
import { TriageLookup, type TriageNames } from '@/lib/triage/triage-names';
import { withPlural } from '@/lib/i18n/format-ru';
import { fetchOpenPage } from './worklist-api';
import { failureTitle } from './worklist-format';
import { WorklistRow } from './worklist-row';

interface Props {
  initial: ComplaintListPage;
  names: TriageNames;
  /** The server's clock when the page was rendered: the first render matches the server's. */
  serverNow: number;
  canMove: boolean;
  /** Who is signed in, for the header. */
  who: string;
}

/** Due lines are minutes-precise: a tick every half minute keeps them honest. */
const TICK_MS = 30_000;

/**
 * The executor's workspace: its open complaints newest first, overdue ones marked, each moved on from its row
 * (taken into work, resolved with proof, or rejected with a reason). A moved row stays with its new status.
 */
export function ComplaintWorklist({ initial, names, serverNow, canMove, who }: Props) {
  const lookup = useMemo(() => new TriageLookup(names), [names]);
  const [rows, setRows] = useState<ComplaintListRow[]>(initial.complaints);
  const [nextBefore, setNextBefore] = useState(initial.nextBefore);
  const [loading, setLoading] = useState(false);
  const [loadFailed, setLoadFailed] = useState<number | null>(null);
  const [now, setNow] = useState(serverNow);

  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);

  function moved(id: number, to: ComplaintStatus) {
    setRows((all) =>
      all.map((r) => (r.id === id ? { ...r, status: to, overdue: r.overdue && isOpenStatus(to) } : r)),
    );
  }

  async function loadMore() {
    if (nextBefore === null) return;
    setLoading(true);
    const result = await fetchOpenPage(nextBefore);
    setLoading(false);
    if (!result.ok) {
      setLoadFailed(result.status);
      return;
    }
    setLoadFailed(null);
    setRows((all) => {
      const seen = new Set(all.map((r) => r.id));
      return [...all, ...result.value.complaints.filter((r) => !seen.has(r.id))];
    });
    setNextBefore(result.value.nextBefore);
  }

  const openRows = rows.filter((r) => isOpenStatus(r.status));
  const overdue = openRows.filter((r) => r.overdue).length;
  return (
    <main className="min-h-screen bg-[#05070c] text-slate-100">
      <header className="sticky top-0 z-20 border-b border-slate-800 bg-[#05070c]/95 px-10 py-5 backdrop-blur">
        <div className="flex items-end justify-between gap-8">
          <div className="min-w-0">
            <Link href="/" className="text-lg text-cyan-300 underline-offset-4 hover:underline">
              ← На главную
            </Link>
            <h1 className="mt-1 text-4xl font-bold">Мои обращения</h1>
            <p className="mt-1 text-lg text-slate-400">{who}</p>
          </div>
          <div className="text-right">
            <div data-testid="worklist-count" className="text-3xl font-semibold tabular-nums">
              {openRows.length > 0
                ? `${withPlural(openRows.length, ['открытое', 'открытых', 'открытых'])}${nextBefore !== null ? ' · есть ещё' : ''}`
                : 'Открытых обращений нет'}
            </div>
            <div
              data-testid="worklist-overdue"
              className={`mt-1 text-xl tabular-nums ${overdue > 0 ? 'text-red-300' : 'text-emerald-300'}`}
            >
              {overdue > 0 ? `просрочено: ${overdue}` : 'просроченных нет'}
            </div>
          </div>
        </div>
      </header>

      <ul className="space-y-4 px-10 py-6">
        {rows.map((row) => (
          <WorklistRow key={row.id} row={row} lookup={lookup} now={now} canMove={canMove} onMoved={moved} />
        ))}
      </ul>

      <footer className="px-10 pb-10">
        {nextBefore !== null ? (
          <button
            type="button"
            disabled={loading}
            data-testid="load-more"
            onClick={() => void loadMore()}
            className="rounded-lg border border-slate-600 px-6 py-3 text-xl text-slate-100 hover:border-cyan-400 disabled:cursor-wait disabled:opacity-60"
          >
            {loading ? 'Загрузка…' : 'Показать ещё'}
          </button>
        ) : rows.length > 0 ? (
          <p className="text-lg text-slate-500">Это все открытые обращения.</p>
        ) : null}
        {loadFailed !== null ? (
          <p role="alert" className="mt-3 text-lg text-red-200">
            Не загружено: {failureTitle(loadFailed)}
          </p>
        ) : null}
      </footer>
    </main>
  );
}
