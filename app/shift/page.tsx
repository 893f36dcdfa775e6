import type { Metadata } from 'next';
import { ShiftView } from '@/components/incidents/shift-view';
import { requirePage } from '@/lib/http/page-access';
import { getShiftSummary } from '@/lib/shift/get-shift-summary';
import { getApp } from '@/lib/server/app-registry';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Смена дежурного — ЦУР Московской области' };

/** The duty officer's desk: the summary renders with the page, the client polls and answers incidents. */
export default async function ShiftPage() {
  // The whole region's summary: for those who may answer any incident (a scoped role answers its own on the wall).
  await requirePage('incident:answer', { scope: {} }, { from: '/shift' });
  return <ShiftView initial={await getShiftSummary(getApp().ctx)} />;
}
