import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { PairingScreen } from '@/components/pairing/pairing-screen';
import { pageActor } from '@/lib/http/page-access';
import { homePath, safeNextPath } from '@/lib/identity/home-path';

// Who is looking decides what this page is: never prerendered.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Подключение экрана — ЦУР Московской области' };

interface PairPageProps {
  searchParams: Promise<{ next?: string | string[] }>;
}

/**
 * Public on purpose: a wall screen without identity shows its pairing code here. A paired display goes to its
 * own screen; a signed-in person back where they came from (or to their home page).
 */
export default async function PairPage({ searchParams }: PairPageProps) {
  const raw = (await searchParams).next;
  const next = safeNextPath(typeof raw === 'string' ? raw : null);
  const actor = await pageActor();
  if (actor.kind === 'display') redirect(homePath(actor));
  if (actor.kind === 'user') redirect(next ?? homePath(actor));
  const loginHref = next ? `/login?next=${encodeURIComponent(next)}` : '/login';
  return <PairingScreen loginHref={loginHref} />;
}
