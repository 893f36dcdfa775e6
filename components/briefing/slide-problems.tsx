import type { BlockProblems, Briefing, BriefingProblem } from '@/lib/briefing/types';
import { describeCountChange, formatSince, usualRange } from '@/components/briefing/format';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { plural, type PluralForms } from '@/lib/i18n/plural';
import { ChangeBadge } from './change-badge';
import { placeOf } from './slide-tension';
import { SlideFrame, type SlideMeta } from './slide-frame';

/** Blocks per slide: eleven blocks with three problems each do not fit one slide at a readable size. */
export const PROBLEM_BLOCKS_PER_SLIDE = 6;
/** After «в»: the prepositional (в 1 месте, в 3 местах, в 12 местах). */
const PLACES_IN: PluralForms = ['месте', 'местах', 'местах'];

/** Where: the incident's town as the incidents slide names it, or the municipality and in how many places. */
function where(p: BriefingProblem): string {
  if (p.incident) return placeOf(p.incident);
  const places = p.problems > 1 ? ` · в ${formatCountRu(p.problems)} ${plural(p.problems, PLACES_IN)}` : '';
  return `${p.municipalityName}${places}`;
}

function ProblemLine({ p, weekStart }: { p: BriefingProblem; weekStart: string }) {
  // An incident's line carries the incident's own count, the one the incidents slide shows.
  const count = p.incident ? p.incident.complaints : p.current;
  return (
    <li
      data-testid="problem-item"
      data-key={p.key}
      data-incident={p.incident?.id ?? ''}
      data-count={count}
      className="grid grid-cols-[1fr_auto] items-baseline gap-x-[16px] text-[24px] leading-[1.2]"
    >
      <span className="line-clamp-3 font-semibold">
        {p.incident && (
          <span className="mr-[10px] inline-block h-[18px] w-[18px] rounded-full bg-red-600 align-middle" />
        )}
        {p.categoryName}
      </span>
      <span className="row-span-2 self-start text-[36px] leading-none font-bold tabular-nums">
        {formatCountRu(count)}
      </span>
      <span className="truncate text-slate-300">{where(p)}</span>
      <span className="col-span-2 truncate text-slate-400">
        {p.incident ? (
          <>
            инцидент с {formatSince(p.incident.since)} ·{' '}
            {usualRange(p.incident.usualLow, p.incident.usualHigh)}
          </>
        ) : (
          <>
            {p.open > 0 ? `открыто ${formatCountRu(p.open)}` : 'все решены'} ·{' '}
            {p.previous === 0 && p.firstAt >= weekStart ? (
              <span className="text-slate-200">новая</span>
            ) : (
              <>
                <ChangeBadge change={describeCountChange(p.current, p.previous)} goodness="up-is-bad" /> к
                прошлой неделе
              </>
            )}
          </>
        )}
      </span>
    </li>
  );
}

function BlockCard({ block, weekStart }: { block: BlockProblems; weekStart: string }) {
  return (
    <div
      data-testid="problem-block"
      data-block={block.code}
      className="flex min-h-0 flex-col overflow-hidden rounded-[20px] border border-slate-800 bg-slate-900/60 px-[28px] py-[18px]"
    >
      <h2 className="mb-[10px] shrink-0 truncate text-[30px] font-bold text-sky-300">{block.name}</h2>
      {block.problems.length === 0 ? (
        <p className="text-[26px] text-slate-400">Открытых или крупных проблем за неделю нет</p>
      ) : (
        <ol className="flex min-h-0 flex-col gap-[16px]">
          {block.problems.map((p) => (
            <ProblemLine key={p.key} p={p} weekStart={weekStart} />
          ))}
        </ol>
      )}
    </div>
  );
}

/**
 * Slides 5 and 6: each block's top problems of the week, one line per category and municipality: incidents
 * first (with the incident's count since it began, as on the incidents slide), then the largest still open.
 */
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
      subtitle="Обращений за неделю по категории в округе; у инцидента — с начала всплеска"
    >
      <div className="grid h-full grid-cols-3 grid-rows-2 gap-[24px]">
        {blocks.map((block) => (
          <BlockCard key={block.code} block={block} weekStart={b.week.start} />
        ))}
      </div>
    </SlideFrame>
  );
}
