import type { Metadata } from 'next';
import { UsersAdmin } from '@/components/admin/users-admin';
import type { ScopeOptions } from '@/components/admin/scope-picker';
import { requirePage } from '@/lib/http/page-access';
import { listUsers } from '@/lib/identity/list-users';
import type { ReferenceCache } from '@/lib/reference/types';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Пользователи — администрирование ЦУР' };

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'ru');

function scopeOptions(reference: ReferenceCache): ScopeOptions {
  return {
    block: [...reference.blocks.values()].map((b) => ({ code: b.code, name: b.name })).sort(byName),
    municipality: [...reference.municipalities.values()]
      .map((m) => ({ code: m.oktmo, name: m.shortName }))
      .sort(byName),
    executor: [...reference.executors.values()]
      .map((e) => ({ code: e.code, name: e.shortName }))
      .sort(byName),
  };
}

/** People, roles and scopes: the list renders with the page; changes go through /api/v1/users. */
export default async function AdminUsersPage() {
  const actor = await requirePage('identity:manage', undefined, { from: '/admin' });
  const { ctx } = getApp();
  const users = await listUsers(ctx.db, ctx.now());
  return (
    <UsersAdmin
      initialUsers={users}
      options={scopeOptions(ctx.reference)}
      selfId={actor.kind === 'user' ? actor.userId : null}
    />
  );
}
