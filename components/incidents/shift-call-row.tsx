'use client';

import { useState } from 'react';
import type { ShiftCall } from '@/lib/shift/get-shift-summary';
import { formatDurationRu } from '@/lib/i18n/format-ru';
import { formatCount } from '@/components/ui/format';
import { answerIncident, type IncidentMove } from './incidents-api';
import { incidentAnswer, incidentHeadline, incidentVolume } from './format-incident';

const MOVES: readonly { to: IncidentMove; label: string; from: readonly string[] }[] = [
  { to: 'acknowledged', label: 'Принять', from: ['new'] },
  { to: 'in_work', label: 'В работу', from: ['new', 'acknowledged'] },
  { to: 'closed', label: 'Закрыть', from: ['new', 'acknowledged', 'in_work'] },
];

/** One call to make: an incident with its answer buttons, or a very late problem with how long it is overdue. */
export function ShiftCallRow({
  call,
  now,
  onAnswered,
}: {
  call: ShiftCall;
  now: number;
  onAnswered: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const answer = async (id: number, to: IncidentMove) => {
    setBusy(true);
    setError(null);
    const result = await answerIncident(id, to);
    setBusy(false);
    if (result.ok) onAnswered();
    else setError(result.message);
  };

  if (call.kind === 'incident' && call.incident) {
    const i = call.incident;
    return (
      <tr className="shift-row" data-kind="incident" data-status={i.status} data-testid="shift-call">
        <td className="shift-affected">{formatCount(call.affected)}</td>
        <td>
          <div className="font-semibold">{incidentHeadline(i)}</div>
          <div className="text-slate-400">
            Инцидент · {i.municipalityName} · {incidentVolume(i, now)}
          </div>
        </td>
        <td>{i.executor ?? '—'}</td>
        <td>
          <div className={i.status === 'new' ? 'text-breach font-semibold' : ''}>{incidentAnswer(i)}</div>
          <div className="shift-actions">
            {MOVES.filter((m) => m.from.includes(i.status)).map((m) => (
              <button key={m.to} type="button" disabled={busy} onClick={() => void answer(i.id, m.to)}>
                {m.label}
              </button>
            ))}
          </div>
          {error && <div className="text-breach">{error}</div>}
        </td>
      </tr>
    );
  }
  const p = call.problem!;
  return (
    <tr className="shift-row" data-kind="very_late" data-testid="shift-call">
      <td className="shift-affected">{formatCount(call.affected)}</td>
      <td>
        <div className="font-semibold">
          {p.municipalityName} · {p.categoryName}
        </div>
        <div className="text-slate-400">
          Сильная просрочка: {formatCount(p.veryLate)} обр., срок прошёл{' '}
          {formatDurationRu(now - Date.parse(p.oldestDueAt))} назад · проблема №{p.problemId}
        </div>
      </td>
      <td>{p.executorName ?? '—'}</td>
      <td className="text-breach font-semibold">сильно просрочено</td>
    </tr>
  );
}
