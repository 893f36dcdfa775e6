'use client';

import { useState, type FormEvent } from 'react';
import { BUTTON_CLASS, callApi, INPUT_CLASS, PASSWORD_RULES, problemText } from './account-api';
import { FormProblem, NewPasswordFields, type NewPassword } from './new-password-fields';

/** The first admin's login, name and password; the link's token rides along, and the admin is signed in. */
export function FirstAdminForm({ token }: { token: string }) {
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const setBoth = (next: NewPassword) => {
    setPassword(next.password);
    setRepeat(next.repeat);
  };
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) {
      setProblem('Пароли не совпадают.');
      return;
    }
    setBusy(true);
    setProblem(null);
    const reply = await callApi<{ home: string }>('POST', '/api/v1/setup', {
      token,
      login,
      displayName,
      password,
    });
    if (reply.ok) {
      window.location.assign(reply.body.home);
      return;
    }
    setBusy(false);
    if (reply.code === 'invalid_body') {
      const parts: string[] = [];
      if (reply.fields.includes('login'))
        parts.push('логин: 2–63 латинские буквы, цифры, точки, дефисы или подчёркивания (или он занят)');
      if (reply.fields.includes('displayName')) parts.push('имя: от 1 до 200 знаков');
      if (reply.fields.includes('password')) parts.push(`пароль: ${PASSWORD_RULES.toLowerCase()}`);
      setProblem(`Проверьте поля — ${parts.join('; ') || 'данные не приняты'}.`);
      return;
    }
    setProblem(problemText(reply));
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-5" data-testid="first-admin-form">
      <label className="block">
        <span className="text-slate-300">Логин (латиницей)</span>
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
        <span className="text-slate-300">Имя и фамилия</span>
        <input
          name="displayName"
          autoComplete="name"
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          className={INPUT_CLASS}
        />
      </label>
      <NewPasswordFields value={{ password, repeat }} onChange={setBoth} />
      <FormProblem problem={problem} />
      <button type="submit" disabled={busy} className={BUTTON_CLASS}>
        {busy ? 'Создаём…' : 'Создать администратора и войти'}
      </button>
    </form>
  );
}
