import type { BlockProblems, Briefing } from '@/lib/briefing/types';
import { describeCountChange } from '@/components/briefing/format';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { ChangeBadge } from './change-badge';
import { SlideFrame, type SlideMeta } from './slide-frame';

/** Blocks per slide: eleven blocks with three problems each do not fit one slide at a readable size. */
export const PROBLEM_BLOCKS_PER_SLIDE = 6;

function BlockCard({ block, weekStart }: { block: BlockProblems; weekStart: string }) {
  return (
    <div
      data-testid="problem-block"
      data-block={block.code}
      className="flex min-h-0 flex-col overflow-hidden rounded-[20px] border border-slate-800 bg-slate-900/60 px-[28px] py-[18px]"
    >
      <h2 className="mb-[10px] shrink-0 truncate text-[30px] font-bold text-sky-300">{block.name}</h2>
      {block.problems.length === 0 ? (
        <p className="text-[26px] text-slate-400">Обращений по проблемам за неделю нет</p>
      ) : (
        <ol className="flex min-h-0 flex-col gap-[8px]">
          {block.problems.map((p) => (
            <li
              key={p.id}
              data-testid="problem-item"
              data-problem={p.id}
              data-current={p.current}
              className="grid grid-cols-[1fr_auto] items-baseline gap-x-[16px]"
            >
              <span className="col-span-2 line-clamp-2 text-[23px] leading-[1.15] font-semibold">
                {p.categoryName}
              </span>
              <span className="truncate text-[21px] text-slate-400">
                {p.municipalityName} · всего {formatCountRu(p.total)}
                {p.open > 0 ? ` · открыто ${formatCountRu(p.open)}` : ' · решена'}
              </span>
              <span className="flex items-baseline gap-[12px] whitespace-nowrap">
                <span className="text-[22px]">
                  {p.previous === 0 && p.firstAt >= weekStart ? (
                    <span className="font-bold text-amber-300">новая</span>
                  ) : (
                    <ChangeBadge change={describeCountChange(p.current, p.previous)} goodness="up-is-bad" />
                  )}
                </span>
                <span className="text-[32px] leading-tight font-bold tabular-nums">
                  {formatCountRu(p.current)}
                </span>
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Slides 5 and 6: each block's largest problems of the week, complaints this week and the trend. */
export function SlideProblems({
  b,
  meta,
  part,
  parts,
}: {
  b: Briefing;
  meta: SlideMeta;
  part: number;
  parts: number;
}) {
  const blocks = b.problems.slice(part * PROBLEM_BLOCKS_PER_SLIDE, (part + 1) * PROBLEM_BLOCKS_PER_SLIDE);
  return (
    <SlideFrame
      meta={meta}
      id={`problems-${part + 1}`}
      title={`Главные проблемы блоков${parts > 1 ? ` (${part + 1} из ${parts})` : ''}`}
      subtitle="Обращений за неделю и изменение к предыдущей; «новая» — появилась за эту неделю"
    >
      <div className="grid h-full grid-cols-3 grid-rows-2 gap-[24px]">
        {blocks.map((block) => (
          <BlockCard key={block.code} block={block} weekStart={b.week.start} />
        ))}
      </div>
    </SlideFrame>
  );
}
