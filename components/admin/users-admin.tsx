'use client';

import { useState } from 'react';
import type { UserSummary } from '../../lib/identity/list-users';
import { adminCall, failureText } from './admin-api';
import { CreateUserForm } from './create-user-form';
import type { ScopeOptions } from './scope-picker';
import { UserRow } from './user-row';

interface Props {
  initialUsers: UserSummary[];
  options: ScopeOptions;
  selfId: number | null;
}

/** The people of the center: the table re-reads itself after every change the admin makes. */
export function UsersAdmin({ initialUsers, options, selfId }: Props) {
  const [users, setUsers] = useState(initialUsers);
  const [problem, setProblem] = useState<string | null>(null);

  async function refresh() {
    const reply = await adminCall<{ users: UserSummary[] }>('GET', '/api/v1/users');
    if (reply.ok) {
      setUsers(reply.body.users);
      setProblem(null);
    } else setProblem(failureText(reply));
  }

  return (
    <div className="flex flex-col gap-8">
      <section>
        <h2 className="mb-3 text-2xl font-semibold">Пользователи ({users.length})</h2>
        {problem && (
          <p role="alert" className="mb-2 text-rose-300">
            {problem}
          </p>
        )}
        <div className="overflow-x-auto">
          <table className="w-full text-left text-base" data-testid="users-table">
            <thead className="text-slate-400">
              <tr>
                <th className="py-2 pr-4 font-normal">Логин</th>
                <th className="py-2 pr-4 font-normal">Имя</th>
                <th className="py-2 pr-4 font-normal">Роль</th>
                <th className="py-2 pr-4 font-normal">Область</th>
                <th className="py-2 pr-4 font-normal">Состояние</th>
                <th className="py-2 pr-4 font-normal">Последний вход, МСК</th>
                <th className="py-2 font-normal">Действия</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <UserRow
                  key={`${u.id}:${u.role}:${u.scopes.join(',')}:${u.name}`}
                  user={u}
                  options={options}
                  self={u.id === selfId}
                  onChanged={refresh}
                />
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <CreateUserForm options={options} onCreated={refresh} />
    </div>
  );
}
