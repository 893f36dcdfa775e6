'use client';

import { useState, type FormEvent } from 'react';
import type { PersonalTokenView } from '@/lib/identity/list-personal-tokens';
import { BUTTON_CLASS, callApi, INPUT_CLASS, problemText, QUIET_BUTTON_CLASS } from './account-api';

const moment = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('ru-RU', {
        timeZone: 'Europe/Moscow',
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      })
    : '—';

function stateOf(token: PersonalTokenView, now: number): string {
  if (token.revokedAt) return `отозван ${moment(token.revokedAt)}`;
  if (token.expiresAt && Date.parse(token.expiresAt) <= now) return 'истёк';
  return token.expiresAt ? `действует до ${moment(token.expiresAt)}` : 'действует бессрочно';
}

interface Issued {
  id: number;
  label: string;
  secret: string;
}

/** The person's API tokens for scripts: issue one (its secret shown here once), revoke any. */
export function PersonalTokens({ initial, serverNow }: { initial: PersonalTokenView[]; serverNow: number }) {
  const [tokens, setTokens] = useState(initial);
  const [label, setLabel] = useState('');
  const [days, setDays] = useState('90');
  const [issued, setIssued] = useState<Issued | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function reload() {
    const reply = await callApi<{ tokens: PersonalTokenView[] }>('GET', '/api/v1/me/tokens');
    if (reply.ok) setTokens(reply.body.tokens);
  }

  async function issue(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const expiresInDays = days === '' ? null : Number(days);
    const reply = await callApi<Issued>('POST', '/api/v1/me/tokens', { label, expiresInDays });
    setBusy(false);
    if (!reply.ok) {
      setProblem(
        reply.code === 'invalid_body' ? 'Укажите название; срок — от 1 до 365 дней.' : problemText(reply),
      );
      return;
    }
    setIssued(reply.body);
    setLabel('');
    await reload();
  }

  async function revoke(id: number) {
    setProblem(null);
    const reply = await callApi('DELETE', `/api/v1/me/tokens/${id}`);
    if (!reply.ok) setProblem(problemText(reply));
    if (issued?.id === id) setIssued(null);
    await reload();
  }

  return (
    <div className="flex flex-col gap-5" data-testid="personal-tokens">
      {issued && (
        <div
          className="rounded border border-emerald-500/60 bg-emerald-500/10 p-4"
          data-testid="token-secret"
        >
          <p className="text-emerald-200">
            Токен «{issued.label}» создан. Скопируйте его сейчас — больше он показан не будет:
          </p>
          <code className="mt-2 block break-all rounded bg-slate-950 px-3 py-2 font-mono text-white select-all">
            {issued.secret}
          </code>
          <p className="mt-2 text-sm text-slate-400">
            Передавайте его в заголовке <code>Authorization: Bearer …</code>. Токен действует от вашего имени
            и с вашими правами.
          </p>
        </div>
      )}
      <form onSubmit={issue} className="flex flex-wrap items-end gap-4">
        <label className="block min-w-64 flex-1">
          <span className="text-slate-300">Назначение токена</span>
          <input
            name="label"
            required
            maxLength={100}
            placeholder="например, «Выгрузка для отчёта»"
            value={label}
            onChange={(e) => setLabel(e.target.value)}
            className={INPUT_CLASS}
          />
        </label>
        <label className="block w-48">
          <span className="text-slate-300">Срок действия</span>
          <select value={days} onChange={(e) => setDays(e.target.value)} className={INPUT_CLASS}>
            <option value="30">30 дней</option>
            <option value="90">90 дней</option>
            <option value="365">1 год</option>
            <option value="">без срока</option>
          </select>
        </label>
        <button type="submit" disabled={busy} className={BUTTON_CLASS}>
          Выпустить токен
        </button>
      </form>
      {problem && (
        <p role="alert" className="text-amber-300">
          {problem}
        </p>
      )}
      {tokens.length === 0 ? (
        <p className="text-slate-400">Личных токенов нет.</p>
      ) : (
        <table className="w-full text-left">
          <thead className="text-sm text-slate-400">
            <tr>
              <th className="py-2 pr-4 font-normal">Назначение</th>
              <th className="py-2 pr-4 font-normal">Создан</th>
              <th className="py-2 pr-4 font-normal">Последнее использование</th>
              <th className="py-2 pr-4 font-normal">Состояние</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => {
              const live = !t.revokedAt && !(t.expiresAt && Date.parse(t.expiresAt) <= serverNow);
              return (
                <tr key={t.id} className="border-t border-slate-800" data-testid="token-row">
                  <td className="py-2 pr-4">{t.label}</td>
                  <td className="py-2 pr-4 tabular-nums text-slate-300">{moment(t.createdAt)}</td>
                  <td className="py-2 pr-4 tabular-nums text-slate-300">{moment(t.lastUsedAt)}</td>
                  <td className={`py-2 pr-4 ${live ? 'text-emerald-300' : 'text-slate-500'}`}>
                    {stateOf(t, serverNow)}
                  </td>
                  <td className="py-2 text-right">
                    {live && (
                      <button type="button" onClick={() => revoke(t.id)} className={QUIET_BUTTON_CLASS}>
                        Отозвать
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
