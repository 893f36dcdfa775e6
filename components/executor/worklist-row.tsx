import { useState } from 'react';
import { canTransition, isOpenStatus, type ComplaintStatus } from '@/lib/domain/statuses';
import type { FieldError } from '@/lib/domain/field-errors';
import type { ComplaintListRow } from '@/lib/lifecycle/list-complaints';
import type { TriageLookup } from '@/lib/triage/triage-names';
import { formatMoment } from '@/components/triage/triage-format';
import { ComplaintHistory } from './complaint-history';
import { TransitionForm, type FormKind } from './transition-form';
import { postTransition, type TransitionBody } from './worklist-api';
import { dueLine, failureTitle, fieldMessageRu, STATUS_NAMES } from './worklist-format';

interface Props {
  row: ComplaintListRow;
  lookup: TriageLookup;
  now: number;
  /** May this person move complaints at all (an analyst or block lead only reads). */
  canMove: boolean;
  onMoved: (id: number, to: ComplaintStatus) => void;
}

const ACTION_CLASS =
  'rounded-lg border px-4 py-2 text-lg disabled:cursor-wait disabled:opacity-60 hover:border-cyan-400';

/** One complaint: what the resident wrote, where, how long is left, and the executor's moves. */
export function WorklistRow({ row, lookup, now, canMove, onMoved }: Props) {
  const [form, setForm] = useState<FormKind | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ status: number; errors: FieldError[] } | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [version, setVersion] = useState(0);

  async function move(body: TransitionBody) {
    setBusy(true);
    setFailure(null);
    const result = await postTransition(row.id, body);
    setBusy(false);
    if (!result.ok) {
      setFailure({ status: result.status, errors: result.errors });
      return;
    }
    setForm(null);
    setVersion((v) => v + 1);
    onMoved(row.id, result.value.to);
  }

  const open = isOpenStatus(row.status);
  const may = (to: ComplaintStatus) => canMove && canTransition(row.status, to);
  const expectedStatus = row.status;
  return (
    <li
      data-testid="worklist-row"
      data-complaint-id={row.id}
      data-status={row.status}
      data-overdue={row.overdue}
      aria-busy={busy}
      className={`rounded-xl border-2 px-6 py-5 ${
        row.overdue ? 'border-red-500/80 bg-red-950/30' : 'border-slate-800 bg-slate-950'
      }`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1 text-xl">
        <div className="flex min-w-0 flex-wrap items-baseline gap-x-4 gap-y-1 text-slate-300">
          <span className="font-mono text-slate-400">№&nbsp;{row.id}</span>
          <span className="font-semibold text-slate-100">
            {row.category ? lookup.category(row.category) : lookup.block(row.block)}
          </span>
          <span className="tabular-nums">получено {formatMoment(row.receivedAt, now)} МСК</span>
          <span
            data-testid="row-status"
            className={`rounded-md px-2 py-0.5 text-lg ${open ? 'bg-cyan-950 text-cyan-200' : 'bg-slate-800 text-slate-200'}`}
          >
            {STATUS_NAMES[row.status]}
          </span>
        </div>
        {open ? (
          <span
            data-testid="row-due"
            className={`font-semibold tabular-nums ${row.overdue ? 'text-red-300' : 'text-emerald-200'}`}
          >
            {dueLine(row.dueAt, row.overdue, now)}
          </span>
        ) : null}
      </div>

      <p data-testid="row-text" className="mt-3 whitespace-pre-line text-2xl leading-snug text-white">
        {row.text}
      </p>
      <div className="mt-2 flex flex-wrap gap-x-6 text-lg text-slate-300">
        <span>
          <span aria-hidden="true">◉ </span>
          {row.municipality ? `г. о. ${lookup.municipality(row.municipality)}` : 'место не определено'}
          {row.address ? `, ${row.address}` : ''}
        </span>
        {row.executor ? <span>исполнитель: {lookup.executor(row.executor)}</span> : null}
        {row.personal ? null : <span className="text-slate-500">персональные данные скрыты</span>}
      </div>

      <div className="mt-4 flex flex-wrap items-center gap-3">
        {may('in_progress') ? (
          <button
            type="button"
            disabled={busy}
            data-testid="take"
            onClick={() => void move({ status: 'in_progress', expectedStatus })}
            className={`${ACTION_CLASS} border-cyan-600 bg-cyan-950/50 text-cyan-50`}
          >
            Взять в работу
          </button>
        ) : null}
        {may('resolved') ? (
          <button
            type="button"
            disabled={busy}
            data-testid="resolve"
            aria-expanded={form === 'resolved'}
            onClick={() => setForm(form === 'resolved' ? null : 'resolved')}
            className={`${ACTION_CLASS} border-emerald-700 bg-emerald-950/40 text-emerald-50`}
          >
            Решено
          </button>
        ) : null}
        {may('rejected') ? (
          <button
            type="button"
            disabled={busy}
            data-testid="reject"
            aria-expanded={form === 'rejected'}
            onClick={() => setForm(form === 'rejected' ? null : 'rejected')}
            className={`${ACTION_CLASS} border-red-900 bg-red-950/40 text-red-100`}
          >
            Отклонить
          </button>
        ) : null}
        <button
          type="button"
          data-testid="history-toggle"
          aria-expanded={historyOpen}
          onClick={() => setHistoryOpen(!historyOpen)}
          className="ml-auto text-lg text-cyan-300 underline-offset-4 hover:underline"
        >
          {historyOpen ? 'Скрыть историю' : 'История'}
        </button>
        {busy ? <span className="text-lg text-cyan-200">Сохраняется…</span> : null}
      </div>

      {failure ? (
        <div role="alert" data-testid="row-error" className="mt-3 text-lg text-red-200">
          <p>Не сохранено: {failureTitle(failure.status)}</p>
          {form === null ? failure.errors.map((e, i) => <p key={i}>{fieldMessageRu(e)}</p>) : null}
        </div>
      ) : null}
      {form ? (
        <TransitionForm
          key={form}
          kind={form}
          busy={busy}
          errors={failure?.errors ?? []}
          onSubmit={(body) => void move({ ...body, expectedStatus })}
          onCancel={() => {
            setForm(null);
            setFailure(null);
          }}
        />
      ) : null}
      {historyOpen ? <ComplaintHistory id={row.id} version={version} lookup={lookup} now={now} /> : null}
    </li>
  );
}
