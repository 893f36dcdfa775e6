import type { Metadata } from 'next';
import Link from 'next/link';
import { AuthCard } from '@/components/account/auth-card';
import { SetPasswordForm } from '@/components/account/set-password-form';
import { peekOneTimeLink } from '@/lib/identity/one-time-links';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Пароль — ЦУР Московской области', referrer: 'no-referrer' };

/** The one-time link an admin gave a person to set their password. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const { ctx } = getApp();
  const live = await peekOneTimeLink(ctx.db, 'set_password', token, ctx.now());

  if (!live)
    return (
      <AuthCard title="Ссылка не действует">
        <p className="text-lg text-amber-200" data-testid="password-link-invalid">
          Ссылка уже использована или устарела. Попросите у администратора новую.
        </p>
        <Link href="/login" className="mt-6 inline-block text-cyan-300 underline-offset-4 hover:underline">
          Ко входу
        </Link>
      </AuthCard>
    );

  return (
    <AuthCard title="Задайте пароль">
      <SetPasswordForm token={token} />
    </AuthCard>
  );
}
