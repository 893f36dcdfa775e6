'use client';

import { useState, type FormEvent } from 'react';
import type { DisplayListItem, DisplayState } from '../../lib/identity/list-displays';
import { adminCall, BUTTON, DANGER, failureText, formatMoscow, INPUT } from './admin-api';

/** A display as the page gets it: dates as ISO strings. */
type DisplayRow = Omit<DisplayListItem, 'createdAt' | 'pairedAt' | 'revokedAt' | 'lastSeenAt'> & {
  createdAt: string;
  pairedAt: string | null;
  revokedAt: string | null;
  lastSeenAt: string | null;
};

interface ScreenOption {
  id: string;
  title: string;
}

interface Props {
  initialDisplays: DisplayRow[];
  screens: ScreenOption[];
  /** From the QR code a waiting screen shows. */
  initialCode: string;
}

const STATE_NAMES: Record<DisplayState, string> = {
  waiting: 'ждёт кода',
  approved: 'подключается',
  paired: 'подключён',
  revoked: 'отключён',
};

const STATE_COLORS: Record<DisplayState, string> = {
  waiting: 'text-amber-300',
  approved: 'text-cyan-300',
  paired: 'text-emerald-300',
  revoked: 'text-slate-500',
};

/** Pair a waiting screen by its code, give it a name and a screen of the wall; list and revoke displays. */
export function DisplaysAdmin({ initialDisplays, screens, initialCode }: Props) {
  const [displays, setDisplays] = useState(initialDisplays);
  const [code, setCode] = useState(initialCode);
  const [name, setName] = useState('');
  const [screen, setScreen] = useState(screens[0]?.id ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titles = new Map(screens.map((s) => [s.id, s.title]));

  async function refresh() {
    const reply = await adminCall<{ displays: DisplayRow[] }>('GET', '/api/v1/displays');
    if (reply.ok) setDisplays(reply.body.displays);
  }

  async function approve(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setDone(null);
    const reply = await adminCall<{ id: number; name: string }>('POST', '/api/v1/displays', {
      code,
      name,
      screen,
    });
    setBusy(false);
    if (!reply.ok) {
      setProblem(
        reply.status === 404
          ? 'Экран с таким кодом не ждёт подключения: проверьте код или дождитесь нового на экране.'
          : failureText(reply),
      );
      return;
    }
    setDone(`Экран «${reply.body.name}» подключён: через пару секунд он покажет «${titles.get(screen)}».`);
    setCode('');
    setName('');
    await refresh();
  }

  /** Another screen of the wall for a paired display: it reloads onto it within a second. */
  async function move(display: DisplayRow, next: string) {
    setBusy(true);
    setProblem(null);
    const reply = await adminCall('PATCH', `/api/v1/displays/${display.id}`, { screen: next });
    setBusy(false);
    if (!reply.ok) setProblem(failureText(reply));
    else setDone(`Экран «${display.name ?? display.id}» теперь показывает «${titles.get(next) ?? next}».`);
    await refresh();
  }

  /** Every screen of the wall, on every node, loads its page again (after an update of the system). */
  async function reloadAll() {
    if (
      !window.confirm(
        'Перезагрузить страницы всех экранов стены? Каждый экран обновится в течение нескольких секунд.',
      )
    )
      return;
    setBusy(true);
    setProblem(null);
    const reply = await adminCall('POST', '/api/v1/displays/reload');
    setBusy(false);
    if (!reply.ok) setProblem(failureText(reply));
    else setDone('Команда отправлена: экраны перезагрузятся в течение нескольких секунд.');
  }

  async function revoke(display: DisplayRow) {
    const label = display.name ?? `№${display.id}`;
    if (!window.confirm(`Отключить экран «${label}»? Он сразу вернётся к коду подключения.`)) return;
    setBusy(true);
    const reply = await adminCall('DELETE', `/api/v1/displays/${display.id}`);
    setBusy(false);
    if (!reply.ok) setProblem(failureText(reply));
    await refresh();
  }

  return (
    <div className="flex flex-col gap-8">
      <form
        onSubmit={approve}
        className="flex flex-col gap-4 rounded border border-slate-800 p-5"
        data-testid="approve-display"
      >
        <h2 className="text-2xl font-semibold">Подключить экран</h2>
        <p className="text-slate-400">
          Откройте на экране стены адрес <code className="text-slate-200">/pair</code> — он покажет код.
        </p>
        <div className="flex flex-wrap items-end gap-4">
          <label className="flex flex-col gap-1">
            <span className="text-slate-300">Код с экрана</span>
            <input
              name="code"
              value={code}
              onChange={(e) => setCode(e.target.value)}
              placeholder="ABC-234"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              required
              maxLength={20}
              className={`${INPUT} w-40 font-mono text-xl tracking-widest uppercase`}
            />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-slate-300">Название</span>
            <input
              name="name"
              value={name}
              onChange={(e) => setName(e.target.value)}
              placeholder="Зал, левый верхний"
              required
              maxLength={100}
              className={`${INPUT} w-72`}
            />
          </label>
          <label className="flex flex-col gap-1">
            <span className="text-slate-300">Что показывает</span>
            <select
              name="screen"
              value={screen}
              onChange={(e) => setScreen(e.target.value)}
              className={`${INPUT} w-96`}
            >
              {screens.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.title}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={busy} className={BUTTON}>
            Подключить
          </button>
        </div>
        {problem && (
          <p role="alert" className="text-rose-300">
            {problem}
          </p>
        )}
        {done && (
          <p role="status" className="text-emerald-300">
            {done}
          </p>
        )}
      </form>

      <section>
        <div className="flex flex-wrap items-center justify-between gap-4">
          <h2 className="text-2xl font-semibold">Экраны</h2>
          <button
            type="button"
            onClick={reloadAll}
            disabled={busy}
            className={BUTTON}
            data-testid="reload-screens"
          >
            Перезагрузить все экраны
          </button>
        </div>
        {displays.length === 0 ? (
          <p className="mt-3 text-slate-400">Ни один экран ещё не подключён.</p>
        ) : (
          <table className="mt-4 w-full text-left" data-testid="displays-table">
            <thead className="text-slate-400">
              <tr>
                <th className="py-2 pr-4 font-normal">Название</th>
                <th className="py-2 pr-4 font-normal">Состояние</th>
                <th className="py-2 pr-4 font-normal">Показывает</th>
                <th className="py-2 pr-4 font-normal">Подключён</th>
                <th className="py-2 pr-4 font-normal">Был на связи</th>
                <th className="py-2 pr-4 font-normal">Адрес</th>
                <th className="py-2 font-normal" />
              </tr>
            </thead>
            <tbody>
              {displays.map((d) => (
                <tr key={d.id} className="border-t border-slate-800" data-display-id={d.id}>
                  <td className="py-2 pr-4">{d.name ?? <span className="text-slate-500">№{d.id}</span>}</td>
                  <td className={`py-2 pr-4 ${STATE_COLORS[d.state]}`}>{STATE_NAMES[d.state]}</td>
                  <td className="py-2 pr-4">
                    {d.state === 'paired' ? (
                      <select
                        aria-label={`Что показывает «${d.name ?? d.id}»`}
                        data-testid="display-screen"
                        value={d.screen ?? ''}
                        disabled={busy}
                        onChange={(e) => void move(d, e.target.value)}
                        className={`${INPUT} w-80`}
                      >
                        {screens.map((s) => (
                          <option key={s.id} value={s.id}>
                            {s.title}
                          </option>
                        ))}
                      </select>
                    ) : d.screen ? (
                      (titles.get(d.screen) ?? d.screen)
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="py-2 pr-4">{formatMoscow(d.pairedAt)}</td>
                  <td className="py-2 pr-4">{formatMoscow(d.lastSeenAt)}</td>
                  <td className="py-2 pr-4 font-mono text-sm">{d.lastAddress ?? d.requestAddress ?? '—'}</td>
                  <td className="py-2 text-right">
                    {d.state !== 'revoked' && d.state !== 'waiting' && (
                      <button type="button" disabled={busy} onClick={() => void revoke(d)} className={DANGER}>
                        Отключить
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
