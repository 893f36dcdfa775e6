'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { BUTTON_CLASS, callApi, INPUT_CLASS, PASSWORD_RULES, problemText } from './account-api';

/** A new password, twice; the link's token rides along. */
export function SetPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) {
      setProblem('Пароли не совпадают.');
      return;
    }
    setBusy(true);
    setProblem(null);
    const reply = await callApi<{ login: string }>('POST', '/api/v1/password', { token, password });
    setBusy(false);
    if (reply.ok) setDone(reply.body.login);
    else
      setProblem(reply.code === 'invalid_body' ? `Пароль не принят. ${PASSWORD_RULES}` : problemText(reply));
  }

  if (done)
    return (
      <div className="flex flex-col gap-4" data-testid="password-set">
        <p className="text-lg text-emerald-300">
          Пароль для учётной записи «{done}» задан. Ссылка больше не действует.
        </p>
        <Link href="/login" className={`${BUTTON_CLASS} self-start`}>
          Войти
        </Link>
      </div>
    );

  return (
    <form onSubmit={submit} className="flex flex-col gap-5" data-testid="set-password-form">
      <label className="block">
        <span className="text-slate-300">Новый пароль</span>
        <input
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className={INPUT_CLASS}
        />
        <span className="mt-1 block text-sm text-slate-400">{PASSWORD_RULES}</span>
      </label>
      <label className="block">
        <span className="text-slate-300">Пароль ещё раз</span>
        <input
          name="repeat"
          type="password"
          autoComplete="new-password"
          required
          value={repeat}
          onChange={(e) => setRepeat(e.target.value)}
          className={INPUT_CLASS}
        />
      </label>
      {problem && (
        <p
          role="alert"
          className="rounded border border-amber-500/60 bg-amber-500/10 px-4 py-3 text-amber-200"
        >
          {problem}
        </p>
      )}
      <button type="submit" disabled={busy} className={BUTTON_CLASS}>
        {busy ? 'Сохраняем…' : 'Задать пароль'}
      </button>
    </form>
  );
}
