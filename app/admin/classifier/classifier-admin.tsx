'use client';

import { Fragment, useState } from 'react';
import type { ClassifierVersionView } from '@/lib/classifier-learning/list-classifier-versions';
import { adminCall, BUTTON, failureText, formatMoscow, QUIET } from '@/components/admin/admin-api';
import { pct, VersionDetails } from './version-details';

interface Props {
  initialVersions: ClassifierVersionView[];
  blockNames: Readonly<Record<string, string>>;
  rules: { afterDecisions: number; heldOutShare: number; targetPrecision: number };
}

const STATUS_NAMES: Record<ClassifierVersionView['status'], string> = {
  live: 'действует',
  refused: 'отклонена',
  retired: 'выведена',
  candidate: 'кандидат',
};

/** Versions of the classifier the operators taught: their held-out scores, retraining now, rolling back. */
export function ClassifierAdmin({ initialVersions, blockNames, rules }: Props) {
  const [versions, setVersions] = useState(initialVersions);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; bad: boolean } | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const live = versions.find((v) => v.status === 'live');

  async function refresh() {
    const reply = await adminCall<{ versions: ClassifierVersionView[] }>(
      'GET',
      '/api/v1/classifier/versions',
    );
    if (reply.ok) setVersions(reply.body.versions);
  }

  async function retrain() {
    setBusy(true);
    setNote({ text: 'Обучение идёт (несколько секунд)…', bad: false });
    const reply = await adminCall<{ status: 'live' | 'refused'; version: number; reason: string | null }>(
      'POST',
      '/api/v1/classifier/retrain',
    );
    setBusy(false);
    if (!reply.ok) setNote({ text: `${failureText(reply)} ${reply.message}`, bad: true });
    else if (reply.body.status === 'live')
      setNote({ text: `Версия ${reply.body.version} лучше прежней и теперь действует.`, bad: false });
    else setNote({ text: `Версия ${reply.body.version} отклонена: ${reply.body.reason}.`, bad: true });
    await refresh();
  }

  async function rollback(version: ClassifierVersionView) {
    if (!window.confirm(`Вернуть версию ${version.id}? Все узлы перейдут на неё за несколько секунд.`))
      return;
    setBusy(true);
    const reply = await adminCall('POST', `/api/v1/classifier/versions/${version.id}/rollback`);
    setBusy(false);
    setNote(
      reply.ok
        ? { text: `Версия ${version.id} снова действует.`, bad: false }
        : { text: `${failureText(reply)} ${reply.message}`, bad: true },
    );
    await refresh();
  }

  return (
    <div className="flex flex-col gap-6">
      <section className="flex flex-col gap-3 rounded border border-slate-800 p-5">
        <h2 className="text-2xl font-semibold">Классификатор учится у операторов</h2>
        <p className="text-slate-300">
          {live
            ? `Действует версия ${live.id} (с ${formatMoscow(live.liveAt)}).`
            : 'Действует исходная модель (обучена только на шаблонах).'}{' '}
          Каждое решение оператора — пример. Переобучение — после {rules.afterDecisions} новых решений или раз
          в час; новая версия проверяется на последних {pct(rules.heldOutShare)} решений (на них она не
          учится) и начинает действовать, только если при точности уверенных ответов{' '}
          {pct(rules.targetPrecision)} решает сама больше обращений, чем действующая.
        </p>
        <div className="flex flex-wrap items-center gap-4">
          <button type="button" className={BUTTON} disabled={busy} onClick={() => void retrain()}>
            Переобучить сейчас
          </button>
          {note && (
            <p
              role={note.bad ? 'alert' : 'status'}
              className={note.bad ? 'text-rose-300' : 'text-emerald-300'}
            >
              {note.text}
            </p>
          )}
        </div>
      </section>

      {versions.length === 0 ? (
        <p className="text-slate-400">Версий пока нет: классификатор ещё не переобучался.</p>
      ) : (
        <table className="w-full text-left text-base">
          <thead className="text-slate-400">
            <tr>
              <th className="py-2 pr-3 font-normal">Версия</th>
              <th className="py-2 pr-3 font-normal">Создана, МСК</th>
              <th className="py-2 pr-3 font-normal">Состояние</th>
              <th className="py-2 pr-3 font-normal">Примеров</th>
              <th className="py-2 pr-3 font-normal">Проверка</th>
              <th className="py-2 pr-3 font-normal">Порог</th>
              <th className="py-2 pr-3 font-normal">Охват</th>
              <th className="py-2 pr-3 font-normal">Точность уверенных</th>
              <th className="py-2 pr-3 font-normal">Первая подсказка</th>
              <th className="py-2 pr-3 font-normal">Действовавшая на той же проверке</th>
              <th className="py-2 font-normal" />
            </tr>
          </thead>
          <tbody className="tabular-nums">
            {versions.map((v) => {
              const m = v.metrics;
              return (
                <Fragment key={v.id}>
                  <tr
                    className={`border-t border-slate-800 ${v.status === 'live' ? 'text-emerald-200' : ''}`}
                  >
                    <td className="py-2 pr-3">
                      <button
                        type="button"
                        className="underline-offset-4 hover:underline"
                        aria-expanded={open === v.id}
                        onClick={() => setOpen(open === v.id ? null : v.id)}
                      >
                        {v.id}
                        {v.trainedFrom === 0 ? ' (исходная)' : ''}
                      </button>
                    </td>
                    <td className="py-2 pr-3">
                      {formatMoscow(v.createdAt)} <span className="text-slate-500">{v.requestedBy}</span>
                    </td>
                    <td className="py-2 pr-3">
                      {STATUS_NAMES[v.status]}
                      {v.reason && <span className="block text-sm text-slate-400">{v.reason}</span>}
                    </td>
                    <td className="py-2 pr-3">{v.examples}</td>
                    <td className="py-2 pr-3">{m ? `${m.heldOut} решений` : '—'}</td>
                    <td className="py-2 pr-3">{v.threshold.toFixed(2).replace('.', ',')}</td>
                    <td className="py-2 pr-3">{pct(m?.candidate.coverage)}</td>
                    <td className="py-2 pr-3">{pct(m?.candidate.confidentAccuracy)}</td>
                    <td className="py-2 pr-3">{pct(m?.candidate.overallAccuracy)}</td>
                    <td className="py-2 pr-3">
                      {m?.live
                        ? `v${m.live.version}: охват ${pct(m.live.coverage)}, ${pct(m.live.confidentAccuracy)}`
                        : '—'}
                    </td>
                    <td className="py-2">
                      {v.status === 'retired' && (
                        <button
                          type="button"
                          className={QUIET}
                          disabled={busy}
                          onClick={() => void rollback(v)}
                        >
                          Вернуть
                        </button>
                      )}
                    </td>
                  </tr>
                  {open === v.id && m && (
                    <tr>
                      <td colSpan={11}>
                        <VersionDetails scores={m.candidate} blockNames={blockNames} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
