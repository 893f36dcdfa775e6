import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/account/auth-card';
import { FirstAdminForm } from '@/components/account/first-admin-form';
import { adminExists } from '@/lib/identity/admin-exists';
import { peekOneTimeLink } from '@/lib/identity/one-time-links';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Первый администратор — ЦУР Московской области',
  referrer: 'no-referrer',
};

/** The first start's one-time link: creates the first admin, or says why the link no longer works. */
export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { ctx } = getApp();
  const live = await peekOneTimeLink(ctx.db, 'first_admin', token, ctx.now());
  const exists = await adminExists(ctx.db);

  if (!live || exists)
    return (
      <AuthCard title="Ссылка не действует">
        <p className="text-lg text-amber-200" data-testid="setup-invalid">
          {exists && !live
            ? 'Администратор уже создан, а ссылка использована или устарела.'
            : exists
              ? 'Администратор уже создан: эта ссылка больше не нужна.'
              : 'Ссылка уже использована или устарела. Перезапустите сервер — он напечатает новую.'}
        </p>
        <Link href="/login" className="mt-6 inline-block text-cyan-300 underline-offset-4 hover:underline">
          Ко входу
        </Link>
      </AuthCard>
    );

  return (
    <AuthCard title="Первый администратор">
      <p className="mb-6 text-slate-300">
        Эта ссылка работает один раз. Администратор заводит остальных пользователей, экраны и ключи
        источников.
      </p>
      <FirstAdminForm token={token} />
    </AuthCard>
  );
}
