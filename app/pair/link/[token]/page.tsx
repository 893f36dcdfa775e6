import type { Metadata } from 'next';
import { DisplayLink } from '@/components/pairing/display-link';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Подключение экрана — ЦУР Московской области',
  // The token is in the URL: never send it on to another site.
  referrer: 'no-referrer',
};

interface LinkPageProps {
  params: Promise<{ token: string }>;
}

/** Public on purpose: a one-time display link; the client part uses it up and opens the screen. */
export default async function DisplayLinkPage({ params }: LinkPageProps) {
  const { token } = await params;
  return <DisplayLink token={token} />;
}
