'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { BUTTON_CLASS, callApi, PASSWORD_RULES, problemText } from './account-api';
import { FormProblem, NewPasswordFields, type NewPassword } from './new-password-fields';

/** A new password, twice; the link's token rides along. */
export function SetPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const setBoth = (next: NewPassword) => {
    setPassword(next.password);
    setRepeat(next.repeat);
  };
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
      <NewPasswordFields value={{ password, repeat }} onChange={setBoth} label="Новый пароль" />
      <FormProblem problem={problem} />
      <button type="submit" disabled={busy} className={BUTTON_CLASS}>
        {busy ? 'Сохраняем…' : 'Задать пароль'}
      </button>
    </form>
  );
}
