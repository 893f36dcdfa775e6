import type { Briefing } from '@/lib/briefing/types';
import { ISSUES, describeCountChange, formatShortDate } from '@/components/briefing/format';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { plural } from '@/lib/i18n/plural';
import { ChangeBadge } from './change-badge';
import { SlideFrame, type SlideMeta } from './slide-frame';

/** Slide 8: resource-intensive fixes put to the residents' vote on «Добродел» this week. */
/** Rows that fit the slide at a readable size. */
const VOTE_ROWS = 7;

export function SlideVotes({ b, meta }: { b: Briefing; meta: SlideMeta }) {
  const v = b.votes;
  return (
    <SlideFrame
      meta={meta}
      id="votes"
      title="Вынесено на голосование"
      subtitle="Ресурсоёмкие вопросы, переданные на голосование жителей в «Доброделе»"
    >
      <div className="grid h-full grid-cols-[420px_1fr] gap-[48px]">
        <div data-testid="votes-count" data-value={v.count.current} className="flex flex-col gap-[12px]">
          <span className="text-[150px] leading-none font-bold tabular-nums text-amber-300">
            {formatCountRu(v.count.current)}
          </span>
          <span className="text-[34px] text-slate-300">{plural(v.count.current, ISSUES)} за неделю</span>
          <span className="text-[40px]">
            <ChangeBadge change={describeCountChange(v.count.current, v.count.previous)} goodness="neutral" />
          </span>
          <span className="text-[26px] text-slate-400">неделей ранее {formatCountRu(v.count.previous)}</span>
        </div>
        {v.items.length === 0 ? (
          <p className="text-[34px] text-slate-300">За неделю на голосование ничего не выносилось.</p>
        ) : (
          <ol className="flex min-w-0 flex-col gap-[14px]">
            {v.items.slice(0, VOTE_ROWS).map((item) => (
              <li
                key={item.complaintId}
                data-testid="vote-item"
                className="border-b border-slate-800 pb-[12px]"
              >
                <div className="flex items-baseline justify-between gap-[20px]">
                  <span className="min-w-0 truncate text-[28px] font-bold">{item.categoryName}</span>
                  <span className="shrink-0 text-[24px] text-slate-400">
                    {item.municipalityName} · {formatShortDate(item.at)}
                  </span>
                </div>
                <p className="truncate text-[22px] text-slate-300">{item.text}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </SlideFrame>
  );
}
