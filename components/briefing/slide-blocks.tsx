import type { BlockWeek, Briefing } from '@/lib/briefing/types';
import { COMPLAINTS, countWith, describeCountChange } from '@/components/briefing/format';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { ChangeBadge } from './change-badge';
import { SlideFrame, type SlideMeta } from './slide-frame';

const MOVERS = 3;

/**
 * Growth and fall are ranked by the change in complaints, not in percent: «+300%» on a base of 2 is one busy
 * afternoon, while +400 complaints in ЖКХ is the week's news. The badge still says percent where the base allows.
 */
export function movers(blocks: BlockWeek[]) {
  const diff = (b: BlockWeek) => b.current - b.previous;
  // A change that rounds to under 1% is no news, whatever its sign.
  const moved = blocks.filter((b) =>
    ['up', 'down'].includes(describeCountChange(b.current, b.previous).direction),
  );
  const grew = moved
    .filter((b) => diff(b) > 0)
    .sort((a, b) => diff(b) - diff(a))
    .slice(0, MOVERS);
  const fell = moved
    .filter((b) => diff(b) < 0)
    .sort((a, b) => diff(a) - diff(b))
    .slice(0, MOVERS);
  return { grew, fell };
}

function Mover({ b, kind }: { b: BlockWeek; kind: 'grew' | 'fell' }) {
  const d = b.current - b.previous;
  return (
    <li
      data-testid={`mover-${kind}`}
      data-block={b.code}
      className="flex items-center justify-between gap-[24px]"
    >
      <span className="min-w-0">
        <span className="block truncate text-[34px] leading-tight font-semibold">{b.name}</span>
        <span className="block text-[24px] text-slate-400 tabular-nums">
          {d > 0 ? '+' : '−'}
          {countWith(Math.abs(d), COMPLAINTS)} · {formatCountRu(b.previous)} → {formatCountRu(b.current)}
        </span>
      </span>
      <span className="shrink-0 text-[40px]">
        <ChangeBadge change={describeCountChange(b.current, b.previous)} goodness="up-is-bad" />
      </span>
    </li>
  );
}

/** Slide 2: all eleven blocks, this week's bar over last week's, and the three that grew and fell most. */
export function SlideBlocks({ b, meta }: { b: Briefing; meta: SlideMeta }) {
  const rows = [...b.blocks].sort((x, y) => y.current - x.current || x.name.localeCompare(y.name));
  const max = Math.max(1, ...rows.map((r) => Math.max(r.current, r.previous)));
  const { grew, fell } = movers(b.blocks);
  return (
    <SlideFrame
      meta={meta}
      id="blocks"
      title="Блоки: что выросло и что снизилось"
      subtitle="Обращения за неделю по профильным блокам; серая полоса — неделя до этого"
    >
      <div className="grid h-full grid-cols-[1.45fr_1fr] grid-rows-[100%] gap-[56px]">
        <ol className="flex flex-col justify-between">
          {rows.map((r) => (
            <li
              key={r.code}
              data-testid="block-row"
              data-block={r.code}
              data-current={r.current}
              className="grid grid-cols-[380px_1fr_140px_160px] items-center gap-[20px]"
            >
              <span className="truncate text-[28px] font-semibold">{r.name}</span>
              <span className="relative h-[40px]">
                <span
                  className="absolute top-0 left-0 h-[26px] rounded-r-[6px] bg-sky-400"
                  style={{ width: `${(r.current / max) * 100}%` }}
                />
                <span
                  className="absolute bottom-0 left-0 h-[10px] rounded-r-[4px] bg-slate-500"
                  style={{ width: `${(r.previous / max) * 100}%` }}
                />
              </span>
              <span className="text-right text-[34px] font-bold tabular-nums">
                {formatCountRu(r.current)}
              </span>
              <span className="text-right text-[28px]">
                <ChangeBadge change={describeCountChange(r.current, r.previous)} goodness="up-is-bad" />
              </span>
            </li>
          ))}
        </ol>
        <div className="flex min-h-0 flex-col gap-[28px] overflow-hidden">
          <div className="rounded-[20px] border border-slate-800 bg-slate-900/60 px-[32px] py-[22px]">
            <h2 className="mb-[20px] text-[34px] font-bold text-slate-100">Выросли сильнее всего</h2>
            {grew.length ? (
              <ol className="flex flex-col gap-[14px]">
                {grew.map((g) => (
                  <Mover key={g.code} b={g} kind="grew" />
                ))}
              </ol>
            ) : (
              <p className="text-[30px] text-slate-300">Ни один блок не вырос</p>
            )}
          </div>
          <div className="rounded-[20px] border border-slate-800 bg-slate-900/60 px-[32px] py-[22px]">
            <h2 className="mb-[20px] text-[34px] font-bold text-slate-100">Снизились сильнее всего</h2>
            {fell.length ? (
              <ol className="flex flex-col gap-[14px]">
                {fell.map((g) => (
                  <Mover key={g.code} b={g} kind="fell" />
                ))}
              </ol>
            ) : (
              <p className="text-[30px] text-slate-300">Ни один блок не снизился</p>
            )}
          </div>
          <p className="text-[24px] leading-snug text-slate-400">
            Процент — при базе от 30 обращений, иначе разница в обращениях.
          </p>
        </div>
      </div>
    </SlideFrame>
  );
}
