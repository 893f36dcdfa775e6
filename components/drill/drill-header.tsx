'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect } from 'react';
import type { DrillMunicipality } from '@/lib/drill/types';
import { backHref } from '@/components/ui/drill-links';
import { withPlural } from '@/lib/i18n/format-ru';

interface DrillTitleProps {
  municipality: DrillMunicipality;
  block: string | null;
  blockName: string | null;
}

/** The way back (link and Escape), the municipality's name, the block and the population. */
export function DrillTitle({ municipality, block, blockName }: DrillTitleProps) {
  const router = useRouter();
  const back = backHref(block);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) router.push(back);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [router, back]);
  return (
    <header className="flex min-w-0 flex-col justify-center" data-testid="drill-heading">
      <Link
        href={back}
        data-testid="drill-back"
        className="panel-text w-fit rounded-[0.4vh] border border-slate-500 px-[0.6vw] py-[0.2vh] font-semibold text-cyan-200 hover:bg-slate-800"
      >
        ← назад{' '}
        <span className="panel-small font-normal text-slate-400">
          {block ? 'к панели блока' : 'к стене'} · Esc
        </span>
      </Link>
      {/* Sized so the longest short name («Сергиево-Посадский») fits the column whole, as panel titles do. */}
      <h1
        className="panel-title mt-[0.6vh] whitespace-nowrap"
        data-testid="drill-title"
        style={{
          fontSize: `max(var(--t-xs), min(4.2vh, calc(17vw / (${municipality.shortName.length} * 0.66))))`,
        }}
      >
        {municipality.shortName}
      </h1>
      <p className="panel-small panel-cond truncate text-slate-300" data-testid="drill-subtitle">
        <span className="font-semibold text-slate-100" data-testid="drill-block">
          {blockName ?? 'Все блоки'}
        </span>
        {' · '}
        {/* Reference data, no moment's: `data-static` tells a replay's checks it is not a live number. */}
        <span data-static="">{withPlural(municipality.population, ['житель', 'жителя', 'жителей'])}</span>
      </p>
    </header>
  );
}
