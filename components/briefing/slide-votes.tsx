import type { Briefing } from '@/lib/briefing/types';
import { ISSUES, describeCountChange, formatShortDate } from '@/components/briefing/format';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { plural } from '@/lib/i18n/plural';
import { ChangeBadge } from './change-badge';
import { SlideFrame, type SlideMeta } from './slide-frame';

/** Rows that fit the slide at a readable size (one fewer under the breach box). */
const VOTE_ROWS = 7;

/**
 * Urgent matters (any category the reference does not make vote-eligible) that were put to a vote anyway: a
 * breach in red, by category, never listed as the residents' choice.
 */
function NotEligible({ v }: { v: Briefing['votes'] }) {
  if (v.notEligible.count === 0) return null;
  const top = v.notEligible.categories.slice(0, 3);
  return (
    <div
      data-testid="votes-not-eligible"
      data-value={v.notEligible.count}
      className="rounded-[16px] border-2 border-red-500 bg-red-950/40 px-[24px] py-[14px] text-[26px] leading-snug"
    >
      <div className="font-bold text-red-400">
        {formatCountRu(v.notEligible.count)} {plural(v.notEligible.count, ISSUES)} не для голосования —
        вынесены ошибочно, вернуть в работу
      </div>
      <div className="truncate text-slate-200">
        {top.map((c) => `${c.name} (${formatCountRu(c.n)})`).join(' · ')}
      </div>
    </div>
  );
}

/** Slide 8: the week's matters put to the residents' vote on «Добродел»: only the vote-eligible categories. */
export function SlideVotes({ b, meta }: { b: Briefing; meta: SlideMeta }) {
  const v = b.votes;
  return (
    <SlideFrame
      meta={meta}
      id="votes"
      title="Вынесено на голосование"
      subtitle="Благоустройство и другие ресурсоёмкие решения, где выбор за жителями («Добродел»)"
    >
      <div className="grid h-full grid-cols-[420px_1fr] grid-rows-[auto_1fr] gap-x-[48px] gap-y-[20px]">
        <div className="col-span-2 empty:hidden">
          <NotEligible v={v} />
        </div>
        <div
          data-testid="votes-count"
          data-value={v.count.current}
          className="row-start-2 flex flex-col gap-[12px]"
        >
          <span className="text-[150px] leading-none font-bold tabular-nums">
            {formatCountRu(v.count.current)}
          </span>
          <span className="text-[34px] text-slate-300">{plural(v.count.current, ISSUES)} за неделю</span>
          <span className="text-[40px]">
            <ChangeBadge change={describeCountChange(v.count.current, v.count.previous)} goodness="neutral" />
          </span>
          <span className="text-[26px] text-slate-400">неделю назад {formatCountRu(v.count.previous)}</span>
        </div>
        {v.items.length === 0 ? (
          <p className="row-start-2 text-[34px] text-slate-300">
            За неделю на голосование ничего не выносилось.
          </p>
        ) : (
          <ol className="row-start-2 flex min-w-0 flex-col gap-[14px] overflow-hidden">
            {v.items.slice(0, v.notEligible.count > 0 ? VOTE_ROWS - 1 : VOTE_ROWS).map((item) => (
              <li
                key={item.complaintId}
                data-testid="vote-item"
                data-category={item.category ?? ''}
                className="border-b border-slate-800 pb-[12px]"
              >
                <div className="flex items-baseline justify-between gap-[20px]">
                  <span className="min-w-0 truncate text-[28px] font-bold">{item.categoryName}</span>
                  <span className="shrink-0 text-[24px] text-slate-400">
                    {item.municipalityName} · {formatShortDate(item.at)}
                  </span>
                </div>
                <p className="truncate text-[24px] text-slate-300">{item.text}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
    </SlideFrame>
  );
}
