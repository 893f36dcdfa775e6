import type { Metadata } from 'next';
import Link from 'next/link';
import { BriefingDeck } from '@/components/briefing/briefing-deck';
import { autoIntervalOf } from '@/components/briefing/deck-constants';
import { getBriefing } from '@/lib/briefing/get-briefing';
import { formatIsoWeek, defaultWeek } from '@/lib/briefing/week';
import { parseWeekParam } from '@/lib/briefing/week-param';
import { requirePage } from '@/lib/http/page-access';
import { getApp } from '@/lib/server/app-registry';

// Live data: never prerender at build time, the registry exists only in the running server.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Брифинг губернатора — ЦУР Московской области' };

interface BriefingPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The governor's weekly briefing: `?week=2026-W47&slide=3&auto=20`, `?print=1` for the PDF renderer. */
export default async function BriefingPage({ searchParams }: BriefingPageProps) {
  await requirePage('briefing:read', undefined, { from: '/briefing' });
  const params = await searchParams;
  const { ctx } = getApp();
  const now = ctx.now();
  const parsed = parseWeekParam({ week: first(params.week) }, now);
  if (!parsed.ok) {
    const fallback = formatIsoWeek(defaultWeek(now));
    return (
      <main
        data-testid="briefing-error"
        className="flex h-full flex-col items-center justify-center gap-[4vh] p-[6vw] text-center"
      >
        <h1 className="text-[5vh] font-bold text-amber-300">Неделя указана неверно</h1>
        <p className="text-[3vh] text-slate-200">
          «{first(params.week)}»: {parsed.errors.map((e) => e.message).join('; ')}. Неделя задаётся как
          ISO-неделя, например {fallback}.
        </p>
        <Link
          href={`/briefing?week=${fallback}`}
          className="rounded-[1vh] border border-slate-500 px-[2vw] py-[1vh] text-[3vh] text-sky-300"
        >
          Открыть последнюю завершённую неделю
        </Link>
      </main>
    );
  }
  const briefing = await getBriefing(ctx, parsed.week);
  const slide = Number(first(params.slide) ?? '1');
  return (
    <BriefingDeck
      key={briefing.week.id}
      briefing={briefing}
      initialSlide={Number.isInteger(slide) && slide >= 1 ? slide - 1 : 0}
      initialAuto={autoIntervalOf(first(params.auto))}
      print={first(params.print) === '1'}
    />
  );
}
