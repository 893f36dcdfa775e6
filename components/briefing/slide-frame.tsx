import type { ReactNode } from 'react';
import { formatAsOf } from '@/components/briefing/format';

export interface SlideMeta {
  index: number;
  total: number;
  weekLabel: string;
  generatedAt: string;
  partial: boolean;
}

interface SlideFrameProps {
  meta: SlideMeta;
  id: string;
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}

/**
 * One 1920×1080 slide: title, body, and a small footer with the week, the slide number and the data time (every
 * slide must stand alone when printed or photographed). The deck scales the whole stage to the screen.
 */
export function SlideFrame({ meta, id, title, subtitle, children }: SlideFrameProps) {
  return (
    <section
      data-testid="briefing-slide"
      data-slide={id}
      data-index={meta.index}
      aria-label={`${meta.index} из ${meta.total}: ${title}`}
      className="briefing-slide relative flex h-[1080px] w-[1920px] flex-col overflow-hidden bg-[#05070c] px-[72px] pt-[48px] pb-[88px] text-slate-100"
    >
      <header className="mb-[28px] flex items-end justify-between gap-[40px] border-b-2 border-slate-800 pb-[20px]">
        <div className="min-w-0">
          <h1 className="truncate text-[60px] leading-[1.15] font-bold tracking-tight">{title}</h1>
          {subtitle && <p className="mt-[8px] text-[28px] leading-tight text-slate-400">{subtitle}</p>}
        </div>
        <div className="shrink-0 text-right text-[30px] leading-tight font-semibold text-sky-300">
          {meta.weekLabel}
          {meta.partial && <div className="text-[24px] font-normal text-slate-400">неделя ещё идёт</div>}
        </div>
      </header>
      <div className="relative min-h-0 flex-1">{children}</div>
      <footer className="absolute right-[72px] bottom-[28px] left-[72px] flex items-center justify-between text-[24px] text-slate-500">
        <span>ЦУР Московской области · брифинг губернатора · {meta.weekLabel}</span>
        <span data-testid="slide-footer-meta" className="tabular-nums">
          данные на {formatAsOf(meta.generatedAt)} · слайд {meta.index} из {meta.total}
        </span>
      </footer>
    </section>
  );
}
