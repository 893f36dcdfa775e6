import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/account/auth-card';
import { LoginForm } from '@/components/account/login-form';
import { SignOutButton } from '@/components/account/sign-out-button';
import { pageActor } from '@/lib/http/page-access';
import { ROLE_NAMES_RU } from '@/lib/i18n/role-names';
import { homePath, safeNextPath } from '@/lib/identity/home-path';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Вход — ЦУР Московской области' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Sign-in. Someone already signed in goes straight on, unless a page just refused them (`?denied=1`): then
 * they are told so and may sign out to sign in as someone else.
 */
export default async function LoginPage({ searchParams }: { searchParams: SearchParams }) {
  const query = await searchParams;
  const next = safeNextPath(first(query.next));
  const denied = first(query.denied) === '1';
  const actor = await pageActor();

  if (denied && actor.kind !== 'anonymous') {
    const who =
      actor.kind === 'user'
        ? `${actor.name} (${ROLE_NAMES_RU[actor.role]})`
        : actor.kind === 'display'
          ? `экран «${actor.name}»`
          : 'эта учётная запись';
    return (
      <AuthCard title="Нет доступа">
        <p className="text-lg text-amber-200" data-testid="login-denied">
          Этой учётной записи страница недоступна.
        </p>
        <p className="mt-3 text-slate-300">Вы вошли как {who}.</p>
        <div className="mt-8 flex flex-wrap items-center gap-4">
          <Link href={homePath(actor)} className="text-cyan-300 underline-offset-4 hover:underline">
            На свою страницу
          </Link>
          {actor.kind === 'user' && <SignOutButton label="Выйти и войти под другой учётной записью" />}
        </div>
      </AuthCard>
    );
  }
  if (actor.kind === 'user') redirect(next ?? homePath(actor));

  return (
    <AuthCard title="Вход в ЦУР">
      <LoginForm next={next} />
      <p className="mt-8 border-t border-slate-800 pt-5 text-slate-400">
        Это экран видеостены?{' '}
        <Link href="/pair" className="text-cyan-300 underline-offset-4 hover:underline">
          Подключить экран
        </Link>
      </p>
    </AuthCard>
  );
}
