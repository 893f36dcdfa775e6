'use client';

import { useState, type FormEvent } from 'react';
import { BUTTON_CLASS, callApi, INPUT_CLASS, problemText } from './account-api';
import { FormProblem } from './new-password-fields';

interface Props {
  /** Where to go after signing in, already checked to be a path of this site; else the role's home. */
  next: string | null;
}

/** Login and password; the one-time code field appears once the server says this account needs it. */
export function LoginForm({ next }: Props) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const reply = await callApi<{ home: string }>('POST', '/api/v1/session', {
      login,
      password,
      ...(needsTotp ? { totp } : {}),
    });
    if (reply.ok) {
      window.location.assign(next ?? reply.body.home);
      return;
    }
    setBusy(false);
    if (reply.code === 'totp_required' || reply.code === 'totp_invalid') setNeedsTotp(true);
    setProblem(problemText(reply));
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-5" data-testid="login-form">
      <label className="block">
        <span className="text-slate-300">Логин</span>
        <input
          name="login"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          value={login}
          onChange={(e) => setLogin(e.target.value)}
          className={INPUT_CLASS}
        />
      </label>
      <label className="block">
        <span className="text-slate-300">Пароль</span>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          className={INPUT_CLASS}
        />
      </label>
      {needsTotp && (
        <label className="block">
          <span className="text-slate-300">Код из приложения-аутентификатора</span>
          <input
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]{6,7}"
            autoFocus
            required
            value={totp}
            onChange={(e) => setTotp(e.target.value)}
            className={`${INPUT_CLASS} tracking-[0.4em] tabular-nums`}
          />
        </label>
      )}
      <FormProblem problem={problem} />
      <button type="submit" disabled={busy} className={BUTTON_CLASS}>
        {busy ? 'Проверяем…' : 'Войти'}
      </button>
    </form>
  );
}
