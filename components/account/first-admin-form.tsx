'use client';

import { useState, type FormEvent } from 'react';
import { BUTTON_CLASS, callApi, INPUT_CLASS, PASSWORD_RULES, problemText } from './account-api';

/** The first admin's login, name and password; the link's token rides along, and the admin is signed in. */
export function FirstAdminForm({ token }: { token: string }) {
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
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
      <label className="block">
        <span className="text-slate-300">Пароль</span>
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
        {busy ? 'Создаём…' : 'Создать администратора и войти'}
      </button>
    </form>
  );
}
