'use client';

import { useState, type FormEvent } from 'react';
import type { AuditEntryView, AuditPage } from '../../lib/identity/list-audit';
import { adminCall, BUTTON, failureText, formatMoscow, INPUT, QUIET } from './admin-api';
import { AUDIT_ACTION_NAMES_RU } from './audit-names';

interface Filters {
  actor: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY: Filters = { actor: '', action: '', from: '', to: '' };
const PAGE = 50;

const OUTCOME: Record<AuditEntryView['outcome'], string> = {
  ok: 'успех',
  denied: 'отказ',
  failed: 'ошибка',
};

function query(filters: Filters, before: number | null): string {
  const params = new URLSearchParams({ limit: String(PAGE) });
  for (const [name, value] of Object.entries(filters)) if (value.trim()) params.set(name, value.trim());
  if (before !== null) params.set('before', String(before));
  return `/api/v1/audit?${params}`;
}

function detailText(detail: Record<string, unknown>): string {
  const text = Object.entries(detail)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');
  return text.length > 240 ? `${text.slice(0, 239)}…` : text;
}

/** The audit log newest first: filter by who, what and when; «Ещё» reads the next, older page. */
export function AuditBrowser({ initial }: { initial: AuditPage }) {
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [entries, setEntries] = useState(initial.entries);
  const [next, setNext] = useState(initial.nextBefore);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(before: number | null, by: Filters = filters) {
    setBusy(true);
    setProblem(null);
    const reply = await adminCall<AuditPage>('GET', query(by, before));
    setBusy(false);
    if (!reply.ok) {
      setProblem(failureText(reply));
      return;
    }
    setEntries(before === null ? reply.body.entries : [...entries, ...reply.body.entries]);
    setNext(reply.body.nextBefore);
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    void load(null);
  }

  const set = (name: keyof Filters) => (e: { target: { value: string } }) =>
    setFilters({ ...filters, [name]: e.target.value });

  return (
    <div className="flex flex-col gap-6">
      <form onSubmit={apply} className="flex flex-wrap items-end gap-4" data-testid="audit-filters">
        <label className="flex flex-col gap-1">
          <span className="text-slate-300">Кто (точно: user:ivanov)</span>
          <input value={filters.actor} onChange={set('actor')} className={INPUT} spellCheck={false} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-300">Действие</span>
          <select value={filters.action} onChange={set('action')} className={INPUT}>
            <option value="">любое</option>
            {Object.entries(AUDIT_ACTION_NAMES_RU).map(([code, name]) => (
              <option key={code} value={code}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-300">С (МСК)</span>
          <input type="date" value={filters.from} onChange={set('from')} className={INPUT} />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-300">По (включительно)</span>
          <input type="date" value={filters.to} onChange={set('to')} className={INPUT} />
        </label>
        <button type="submit" className={BUTTON} disabled={busy}>
          Показать
        </button>
        {filters !== EMPTY && (
          <button
            type="button"
            className={QUIET}
            disabled={busy}
            onClick={() => {
              setFilters(EMPTY);
              void load(null, EMPTY);
            }}
          >
            Сбросить
          </button>
        )}
      </form>
      {problem && (
        <p role="alert" className="text-rose-300">
          {problem}
        </p>
      )}
      <table className="w-full text-left text-base" data-testid="audit-table">
        <thead className="text-slate-400">
          <tr>
            <th className="py-2 pr-4 font-normal">Время, МСК</th>
            <th className="py-2 pr-4 font-normal">Кто</th>
            <th className="py-2 pr-4 font-normal">Действие</th>
            <th className="py-2 pr-4 font-normal">Над чем</th>
            <th className="py-2 pr-4 font-normal">Итог</th>
            <th className="py-2 pr-4 font-normal">Адрес</th>
            <th className="py-2 font-normal">Подробности</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-t border-slate-800 align-top">
              <td className="py-2 pr-4 whitespace-nowrap tabular-nums">{formatMoscow(e.at)}</td>
              <td className="py-2 pr-4">
                {e.actorLabel} <span className="block text-sm text-slate-500">{e.actor}</span>
              </td>
              <td className="py-2 pr-4">
                {AUDIT_ACTION_NAMES_RU[e.action as keyof typeof AUDIT_ACTION_NAMES_RU] ?? e.action}
              </td>
              <td className="py-2 pr-4 font-mono text-sm">{e.target ?? '—'}</td>
              <td className={`py-2 pr-4 ${e.outcome === 'ok' ? '' : 'text-amber-300'}`}>
                {OUTCOME[e.outcome]}
              </td>
              <td className="py-2 pr-4 font-mono text-sm">{e.address ?? '—'}</td>
              <td className="py-2 text-sm break-all text-slate-300">{detailText(e.detail)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && <p className="text-slate-400">Записей нет.</p>}
      {next !== null && (
        <div>
          <button type="button" className={QUIET} disabled={busy} onClick={() => void load(next)}>
            Ещё
          </button>
        </div>
      )}
    </div>
  );
}
