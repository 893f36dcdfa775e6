import { useEffect, useState } from 'react';
import type { ComplaintStatus } from '@/lib/domain/statuses';
import type { ComplaintHistory as History } from '@/lib/lifecycle/get-complaint-history';
import type { TriageLookup } from '@/lib/triage/triage-names';
import { formatMoment } from '@/components/triage/triage-format';
import { fetchHistory } from './worklist-api';
import { failureTitle, REASON_LABELS, STATUS_NAMES } from './worklist-format';

const TYPE_NAMES: Record<string, string> = {
  created: 'Поступило',
  status: 'Статус',
  routed: 'Назначено исполнителю',
  classified: 'Классифицировано',
};

const statusName = (s: string | null) => (s ? (STATUS_NAMES[s as ComplaintStatus] ?? s) : '—');

/** A complaint's history, fetched when the row is expanded (and again when its status changed). */
export function ComplaintHistory({
  id,
  version,
  lookup,
  now,
}: {
  id: number;
  /** Bumped after each change of the row, so the history shows the new event. */
  version: number;
  lookup: TriageLookup;
  now: number;
}) {
  const [history, setHistory] = useState<History | null>(null);
  const [failed, setFailed] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    void fetchHistory(id).then((result) => {
      if (!live) return;
      if (result.ok) {
        setHistory(result.value);
        setFailed(null);
      } else setFailed(result.status);
    });
    return () => {
      live = false;
    };
  }, [id, version]);

  if (failed !== null)
    return (
      <p role="alert" className="mt-3 text-lg text-red-200">
        История не загружена: {failureTitle(failed).toLowerCase()}
      </p>
    );
  if (!history) return <p className="mt-3 text-lg text-slate-400">Загрузка истории…</p>;
  return (
    <ol data-testid="complaint-history" className="mt-4 space-y-2 border-l-2 border-slate-700 pl-5 text-lg">
      {history.events.map((e) => (
        <li key={e.id} className="text-slate-200">
          <span className="tabular-nums text-slate-400">{formatMoment(e.at, now)} МСК</span>{' '}
          <span className="font-semibold">{TYPE_NAMES[e.type] ?? e.type}</span>
          {e.type === 'status' ? `: ${statusName(e.from)} → ${statusName(e.to)}` : null}
          {e.type === 'routed' && e.executor ? `: ${lookup.executor(e.executor)}` : null}
          {e.actor ? <span className="text-slate-400"> · {e.actor}</span> : null}
          {e.reason ? (
            <div className="text-amber-200">
              Причина: {REASON_LABELS[e.reason as keyof typeof REASON_LABELS] ?? e.reason}
            </div>
          ) : null}
          {e.answer ? <div className="whitespace-pre-line text-slate-100">Ответ: {e.answer}</div> : null}
          {e.comment ? (
            <div className="whitespace-pre-line text-slate-300">Комментарий: {e.comment}</div>
          ) : null}
          {e.photoUrls && e.photoUrls.length > 0 ? (
            <div className="text-slate-300">
              Фото:{' '}
              {e.photoUrls.map((url, i) => (
                <a
                  key={url}
                  href={url}
                  target="_blank"
                  rel="noreferrer noopener"
                  className="mr-3 text-cyan-300 underline-offset-4 hover:underline"
                >
                  №{i + 1}
                </a>
              ))}
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
