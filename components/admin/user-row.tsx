'use client';

import { useState } from 'react';
import { ROLE_SCOPE, ROLES, type Role } from '../../lib/domain/access';
import type { UserSummary } from '../../lib/identity/list-users';
import { ROLE_NAMES_RU } from '../../lib/i18n/role-names';
import { adminCall, BUTTON, DANGER, failureText, formatMoscow, INPUT, QUIET } from './admin-api';
import { OnceSecret } from './once-secret';
import { ScopePicker, type ScopeOptions } from './scope-picker';

interface Props {
  user: UserSummary;
  options: ScopeOptions;
  /** The signed-in admin: they may not disable or demote themself. */
  self: boolean;
  onChanged: () => void;
}

function scopeNames(user: UserSummary, options: ScopeOptions): string {
  const kind = ROLE_SCOPE[user.role];
  if (!kind) return '—';
  const names = new Map(options[kind].map((o) => [o.code, o.name]));
  return user.scopes.map((code) => names.get(code) ?? code).join(', ');
}

/** One person: what they are, and the admin's actions on them (edit, disable, password link). */
export function UserRow({ user, options, self, onChanged }: Props) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState<Role>(user.role);
  const [scopes, setScopes] = useState<string[]>(user.scopes);
  const [problem, setProblem] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const kind = ROLE_SCOPE[role];

  async function patch(changes: Record<string, unknown>): Promise<boolean> {
    setBusy(true);
    setProblem(null);
    const reply = await adminCall('PATCH', `/api/v1/users/${user.id}`, changes);
    setBusy(false);
    if (!reply.ok) {
      setProblem(failureText(reply));
      return false;
    }
    onChanged();
    return true;
  }

  async function save() {
    const roleOrScopes =
      role !== user.role ||
      scopes.length !== user.scopes.length ||
      scopes.some((c) => !user.scopes.includes(c));
    if (
      roleOrScopes &&
      !window.confirm(
        'Смена роли или области завершит все сеансы и отзовёт личные токены человека. Продолжить?',
      )
    )
      return;
    const ok = await patch({
      displayName: name,
      ...(roleOrScopes ? { role, scopes: kind ? scopes : [] } : {}),
    });
    if (ok) setEditing(false);
  }

  async function toggleDisabled() {
    if (!user.disabled && !window.confirm(`Отключить «${user.name}»? Все сеансы и токены будут отозваны.`))
      return;
    await patch({ disabled: !user.disabled });
  }

  async function passwordLink() {
    setBusy(true);
    setProblem(null);
    const reply = await adminCall<{ link: string }>('POST', `/api/v1/users/${user.id}/password-link`);
    setBusy(false);
    if (reply.ok) setLink(`${window.location.origin}${reply.body.link}`);
    else setProblem(failureText(reply));
  }

  return (
    <>
      <tr
        className={`border-t border-slate-800 align-top ${user.disabled ? 'text-slate-500' : ''}`}
        data-login={user.login}
      >
        <td className="py-3 pr-4 font-mono">{user.login}</td>
        <td className="py-3 pr-4">{user.name}</td>
        <td className="py-3 pr-4">{ROLE_NAMES_RU[user.role]}</td>
        <td className="max-w-md py-3 pr-4 text-slate-300">{scopeNames(user, options)}</td>
        <td className="py-3 pr-4">
          {user.disabled ? 'отключён' : user.locked ? 'заблокирован (попытки входа)' : 'активен'}
          {user.totpEnabled && <span className="ml-2 text-emerald-300">2FA</span>}
        </td>
        <td className="py-3 pr-4 tabular-nums">{formatMoscow(user.lastSignInAt)}</td>
        <td className="py-3">
          <div className="flex flex-wrap gap-2">
            <button type="button" className={QUIET} disabled={busy} onClick={() => setEditing(!editing)}>
              {editing ? 'Отмена' : 'Изменить'}
            </button>
            <button
              type="button"
              className={user.disabled ? QUIET : DANGER}
              disabled={busy || self}
              onClick={toggleDisabled}
            >
              {user.disabled ? 'Включить' : 'Отключить'}
            </button>
            <button type="button" className={QUIET} disabled={busy} onClick={passwordLink}>
              Ссылка для пароля
            </button>
          </div>
        </td>
      </tr>
      {(editing || problem || link) && (
        <tr>
          <td colSpan={7} className="pb-4">
            {editing && (
              <div className="flex flex-col gap-3 rounded border border-slate-700 p-4">
                <div className="flex flex-wrap gap-4">
                  <label className="flex flex-col gap-1">
                    <span className="text-slate-300">Имя</span>
                    <input value={name} onChange={(e) => setName(e.target.value)} className={INPUT} />
                  </label>
                  <label className="flex flex-col gap-1">
                    <span className="text-slate-300">Роль</span>
                    <select
                      value={role}
                      disabled={self}
                      onChange={(e) => {
                        const next = e.target.value as Role;
                        setRole(next);
                        setScopes(next === user.role ? user.scopes : []);
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
                </div>
                {kind && (
                  <ScopePicker kind={kind} options={options[kind]} value={scopes} onChange={setScopes} />
                )}
                <div>
                  <button type="button" className={BUTTON} disabled={busy} onClick={save}>
                    Сохранить
                  </button>
                </div>
              </div>
            )}
            {problem && (
              <p role="alert" className="mt-2 text-rose-300">
                {problem}
              </p>
            )}
            {link && (
              <div className="mt-2">
                <OnceSecret
                  title={`Ссылка для установки пароля: ${user.login} (72 часа)`}
                  value={link}
                  note="Скопируйте и передайте человеку: ссылка больше не будет показана."
                />
              </div>
            )}
          </td>
        </tr>
      )}
    </>
  );
}
