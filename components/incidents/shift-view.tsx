'use client';

import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import type { ShiftSummary } from '@/lib/shift/get-shift-summary';
import { withPlural } from '@/lib/i18n/format-ru';
import { formatDate, formatShortTime } from '@/components/ui/format';
import { fetchShift, SHIFT_POLL_MS } from './incidents-api';
import { incidentAnswer, incidentHeadline, incidentVolume } from './format-incident';
import { ShiftCallRow } from './shift-call-row';
import './shift.css';

const COMPLAINT_FORMS = ['обращение', 'обращения', 'обращений'] as const;
const INCIDENT_FORMS = ['инцидент', 'инцидента', 'инцидентов'] as const;

/**
 * The duty desk: what is new since the shift began, what needs a call now (incidents and very late problems,
 * the most residents first) with the incident answers, and a handover summary to print at the change.
 */
export function ShiftView({ initial }: { initial: ShiftSummary }) {
  const [summary, setSummary] = useState(initial);
  const [failed, setFailed] = useState(false);
  const refresh = useCallback(async () => {
    try {
      setSummary(await fetchShift());
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, []);
  useEffect(() => {
    const timer = setInterval(() => void refresh(), SHIFT_POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const now = Date.parse(summary.asOf);
  const unanswered = summary.calls.filter((c) => c.incident?.status === 'new').length;
  return (
    <main className="shift-page" data-testid="shift-view">
      <header className="shift-header">
        <div>
          <Link href="/" className="shift-nav">
            ← На главную
          </Link>
          <h1>
            Смена {formatShortTime(summary.shiftStart)}–{formatShortTime(summary.shiftEnd)},{' '}
            {formatDate(Date.parse(summary.shiftStart))}
          </h1>
          <p className="text-slate-400">
            Данные на {formatShortTime(summary.asOf)}
            {failed ? ' · нет связи с сервером, показаны последние данные' : ''}
          </p>
        </div>
        <dl className="shift-numbers">
          <div>
            <dt>Поступило за смену</dt>
            <dd data-testid="shift-arrivals">{withPlural(summary.arrivals, COMPLAINT_FORMS)}</dd>
          </div>
          <div>
            <dt>Новых инцидентов</dt>
            <dd>{withPlural(summary.newIncidents.length, INCIDENT_FORMS)}</dd>
          </div>
          <div>
            <dt>Не принято</dt>
            <dd className={unanswered > 0 ? 'text-breach' : ''}>{withPlural(unanswered, INCIDENT_FORMS)}</dd>
          </div>
        </dl>
        <button type="button" className="shift-print" onClick={() => window.print()}>
          Печать сводки для передачи смены
        </button>
      </header>

      <section>
        <h2>Требует звонка сейчас</h2>
        {summary.calls.length === 0 ? (
          <p className="text-slate-400">Инцидентов и сильной просрочки нет.</p>
        ) : (
          <table className="shift-table">
            <thead>
              <tr>
                <th>Жителей</th>
                <th>Что и где</th>
                <th>Исполнитель</th>
                <th>Состояние</th>
              </tr>
            </thead>
            <tbody>
              {summary.calls.map((call) => (
                <ShiftCallRow
                  key={call.incident ? `i${call.incident.id}` : `p${call.problem!.problemId}`}
                  call={call}
                  now={now}
                  onAnswered={() => void refresh()}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2>Инциденты с начала смены</h2>
        {summary.newIncidents.length === 0 ? (
          <p className="text-slate-400">Новых инцидентов не было.</p>
        ) : (
          <ol className="shift-list">
            {summary.newIncidents.map((i) => (
              <li key={i.id} data-status={i.status}>
                <span className="tabular-nums">{formatShortTime(i.detectedAt)}</span>{' '}
                <strong>{incidentHeadline(i)}</strong> · {incidentVolume(i, now)} · {incidentAnswer(i)}
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}
