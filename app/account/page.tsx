import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { PersonalTokens } from '@/components/account/personal-tokens';
import { SignOutButton } from '@/components/account/sign-out-button';
import { TotpPanel } from '@/components/account/totp-panel';
import { requirePage } from '@/lib/http/page-access';
import { ROLE_NAMES_RU } from '@/lib/i18n/role-names';
import { getAccount } from '@/lib/identity/get-account';
import { homePath } from '@/lib/identity/home-path';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Учётная запись — ЦУР Московской области' };

/** A person's own account: who they are, their scopes, sign-out, the second factor and personal API tokens. */
export default async function AccountPage() {
  const actor = await requirePage('self:manage', undefined, { from: '/account' });
  if (actor.kind !== 'user') redirect('/login?denied=1&next=%2Faccount');
  const { ctx } = getApp();
  const account = await getAccount(ctx.db, actor.userId);
  const { reference } = ctx;
  const scopes = [
    ...actor.scopes.blocks.map((c) => `блок «${reference.blocks.get(c)?.name ?? c}»`),
    ...actor.scopes.municipalities.map((c) => reference.municipalities.get(c)?.name ?? c),
    ...actor.scopes.executors.map((c) => reference.executors.get(c)?.name ?? c),
  ];

  return (
    <main className="mx-auto flex max-w-4xl flex-col gap-10 px-8 py-12">
      <header className="flex flex-wrap items-end justify-between gap-6">
        <div>
          <Link href={homePath(actor)} className="text-lg text-cyan-300 underline-offset-4 hover:underline">
            ← На свою страницу
          </Link>
          <h1 className="mt-1 text-4xl font-bold">Учётная запись</h1>
        </div>
        <SignOutButton />
      </header>

      <section className="rounded-lg border border-slate-700 p-6" data-testid="account-identity">
        <dl className="grid grid-cols-[12rem_1fr] gap-x-6 gap-y-3 text-lg">
          <dt className="text-slate-400">Имя</dt>
          <dd>{actor.name}</dd>
          <dt className="text-slate-400">Логин</dt>
          <dd className="font-mono">{actor.login}</dd>
          <dt className="text-slate-400">Роль</dt>
          <dd data-testid="account-role">{ROLE_NAMES_RU[actor.role]}</dd>
          <dt className="text-slate-400">Область ответственности</dt>
          <dd>{scopes.length > 0 ? scopes.join(', ') : 'вся Московская область'}</dd>
        </dl>
      </section>

      <section
        className={`rounded-lg border p-6 ${actor.role === 'admin' && !account.totpEnabled ? 'border-amber-500/70' : 'border-slate-700'}`}
      >
        <h2 className="text-2xl font-semibold">Двухфакторный вход</h2>
        <p className="mt-2 mb-5 text-slate-400">
          {actor.role === 'admin' && !account.totpEnabled
            ? 'Администратору настоятельно рекомендуется: без кода из телефона украденный пароль не даст войти.'
            : 'Необязательно: при входе, кроме пароля, спрашивается код из приложения на телефоне.'}
        </p>
        <TotpPanel enabled={account.totpEnabled} />
      </section>

      <section className="rounded-lg border border-slate-700 p-6">
        <h2 className="text-2xl font-semibold">Личные API-токены</h2>
        <p className="mt-2 mb-5 text-slate-400">
          Для скриптов и интеграций: токен действует от вашего имени и с вашими правами. Секрет показывается
          один раз, хранится только его хэш.
        </p>
        <PersonalTokens initial={account.tokens} serverNow={ctx.now().getTime()} />
      </section>
    </main>
  );
}
