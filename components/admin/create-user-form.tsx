'use client';

import { useState, type FormEvent } from 'react';
import { ROLE_SCOPE, ROLES, type Role } from '../../lib/domain/access';
import { ROLE_NAMES_RU } from '../../lib/i18n/role-names';
import { adminCall, BUTTON, failureText, INPUT } from './admin-api';
import { OnceSecret } from './once-secret';
import { ScopePicker, type ScopeOptions } from './scope-picker';

interface Props {
  options: ScopeOptions;
  onCreated: () => void;
}

/** A new person: login, name, role and its scopes; without a password the answer is a one-time link. */
export function CreateUserForm({ options, onCreated }: Props) {
  const [login, setLogin] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('operator');
  const [scopes, setScopes] = useState<string[]>([]);
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = ROLE_SCOPE[role];

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setLink(null);
    const reply = await adminCall<{ id: number; passwordLink?: string }>('POST', '/api/v1/users', {
      login,
      displayName,
      role,
      ...(kind ? { scopes } : {}),
      ...(password ? { password } : {}),
    });
    setBusy(false);
    if (!reply.ok) {
      setProblem(reply.status === 409 ? 'Этот логин уже занят.' : failureText(reply));
      return;
    }
    if (reply.body.passwordLink) setLink(`${window.location.origin}${reply.body.passwordLink}`);
    setLogin('');
    setDisplayName('');
    setPassword('');
    setScopes([]);
    onCreated();
  }

  return (
    <form
      onSubmit={submit}
      className="flex flex-col gap-4 rounded border border-slate-800 p-5"
      data-testid="create-user"
    >
      <h2 className="text-2xl font-semibold">Новый пользователь</h2>
      <div className="grid gap-4 md:grid-cols-2">
        <label className="flex flex-col gap-1">
          <span className="text-slate-300">Логин (латиница)</span>
          <input
            name="login"
            required
            autoCapitalize="none"
            spellCheck={false}
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            className={INPUT}
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-300">Имя</span>
          <input
            name="displayName"
            required
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            className={INPUT}
          />
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-300">Роль</span>
          <select
            name="role"
            value={role}
            onChange={(e) => {
              setRole(e.target.value as Role);
              setScopes([]);
            }}
            className={INPUT}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_NAMES_RU[r]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="text-slate-300">Пароль (необязательно: иначе — одноразовая ссылка)</span>
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className={INPUT}
          />
        </label>
      </div>
      {kind && <ScopePicker kind={kind} options={options[kind]} value={scopes} onChange={setScopes} />}
      <div className="flex items-center gap-4">
        <button type="submit" disabled={busy} className={BUTTON}>
          Создать
        </button>
        {problem && (
          <p role="alert" className="text-rose-300">
            {problem}
          </p>
        )}
      </div>
      {link && (
        <OnceSecret
          title="Ссылка для установки пароля (72 часа)"
          value={link}
          note="Скопируйте и передайте человеку: ссылка больше не будет показана."
        />
      )}
    </form>
  );
}
