'use client';

import { useState } from 'react';
import type { Briefing, FixedExample } from '@/lib/briefing/types';
import {
  PHOTOS,
  RESOLUTIONS_OF,
  countWith,
  describeCountChange,
  describePointsChange,
  formatShortDate,
} from '@/components/briefing/format';
import { formatShare } from '@/lib/i18n/format-ru';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { ChangeBadge } from './change-badge';
import { SlideFrame, type SlideMeta } from './slide-frame';

/** A photo of the fix when its URL looks real and loads; otherwise a tile with the number of photos. */
function Photo({ ex }: { ex: FixedExample }) {
  const [broken, setBroken] = useState(false);
  return (
    <div className="relative flex h-full w-[190px] shrink-0 items-center justify-center overflow-hidden rounded-[14px] border border-slate-700 bg-slate-800">
      {ex.photoUrl && !broken ? (
        <img
          src={ex.photoUrl}
          alt="Фото выполненных работ"
          className="h-full w-full object-cover"
          onError={() => setBroken(true)}
        />
      ) : (
        <svg viewBox="0 0 24 24" width={64} height={64} aria-hidden="true" className="text-slate-500">
          <path
            fill="currentColor"
            d="M9 4 7.2 6H4a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V8a2 2 0 0 0-2-2h-3.2L15 4H9zm3 4.5a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zm0 2a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5z"
          />
        </svg>
      )}
      <span className="absolute right-[8px] bottom-[8px] rounded-[8px] bg-black/75 px-[10px] py-[2px] text-[24px] font-semibold">
        {countWith(ex.photoCount, PHOTOS)}
      </span>
    </div>
  );
}

function Example({ ex }: { ex: FixedExample }) {
  return (
    <li
      data-testid="fixed-example"
      data-complaint={ex.complaintId}
      className="flex min-h-0 gap-[22px] overflow-hidden rounded-[18px] border border-slate-800 bg-slate-900/60 p-[14px]"
    >
      <Photo ex={ex} />
      <div className="min-w-0 flex-1">
        <div className="truncate text-[26px] leading-tight font-bold">{ex.categoryName}</div>
        <div className="truncate text-[24px] text-slate-400">
          {ex.municipalityName} · {formatShortDate(ex.at)} ·{' '}
          <span className={ex.onTime ? 'text-slate-200' : 'text-amber-400'}>
            {ex.onTime ? 'в срок' : 'с опозданием'}
          </span>
        </div>
        <div className="truncate text-[24px] text-sky-300">{ex.executorName}</div>
        <p className="mt-[4px] truncate text-[24px] leading-snug text-slate-200">«{ex.answer}»</p>
      </div>
    </li>
  );
}

/**
 * What the photo proof really says. The write path refuses a resolution without a photo of the fix, so «with
 * photo 100 %» would be a rule, not a result: the slide says so, with the counts from the resolution events,
 * and names the share only when some resolutions (imported history) came without one.
 */
export function photoNote(f: Briefing['fixed']): string {
  const { resolutions, withPhotos } = {
    resolutions: f.resolutions.current,
    withPhotos: f.withPhotos.current,
  };
  if (resolutions === 0) return 'Решений за неделю не было.';
  if (withPhotos === resolutions)
    return resolutions === 1
      ? 'Фото работ приложено к единственному решению: без фото решение не принимается.'
      : `Фото работ приложено ко всем ${formatCountRu(resolutions)} решениям: без фото решение не принимается.`;
  return `Фото работ приложено к ${formatCountRu(withPhotos)} из ${countWith(resolutions, RESOLUTIONS_OF)} (${formatShare(withPhotos / resolutions)}).`;
}

/** Slide 7: what was fixed, with photo proof, on time or not, and a few examples with their executors. */
export function SlideFixed({ b, meta }: { b: Briefing; meta: SlideMeta }) {
  const f = b.fixed;
  return (
    <SlideFrame
      meta={meta}
      id="fixed"
      title="Что исправлено"
      subtitle="Решения недели, их срок и возвраты, примеры с фото работ"
    >
      <div className="flex h-full flex-col gap-[28px]">
        <div className="grid grid-cols-3 gap-[28px]">
          <div
            data-testid="fixed-resolved"
            data-value={f.resolved.current}
            className="rounded-[20px] border border-slate-800 bg-slate-900/60 px-[32px] py-[20px]"
          >
            <div className="text-[28px] text-slate-300">Решено</div>
            <div className="flex items-baseline gap-[20px]">
              <span className="text-[84px] leading-none font-bold tabular-nums">
                {formatCountRu(f.resolved.current)}
              </span>
              <span className="text-[36px]">
                <ChangeBadge
                  change={describeCountChange(f.resolved.current, f.resolved.previous)}
                  goodness="up-is-good"
                />
              </span>
            </div>
          </div>
          <div
            data-testid="fixed-reopened"
            data-value={f.reopened.current}
            className="rounded-[20px] border border-slate-800 bg-slate-900/60 px-[32px] py-[20px]"
          >
            <div className="text-[28px] text-slate-300">Вернулись после решения</div>
            <div className="flex items-baseline gap-[20px]">
              <span className="text-[84px] leading-none font-bold tabular-nums">
                {formatCountRu(f.reopened.current)}
              </span>
              <span className="text-[36px]">
                <ChangeBadge
                  change={describeCountChange(f.reopened.current, f.reopened.previous)}
                  goodness="up-is-bad"
                />
              </span>
            </div>
          </div>
          <div
            data-testid="fixed-on-time"
            className="rounded-[20px] border border-slate-800 bg-slate-900/60 px-[32px] py-[20px]"
          >
            <div className="text-[28px] text-slate-300">В срок</div>
            <div className="flex items-baseline gap-[20px]">
              <span className="text-[84px] leading-none font-bold tabular-nums">
                {formatShare(f.onTime.current.share)}
              </span>
              <span className="text-[36px]">
                <ChangeBadge
                  change={describePointsChange(f.onTime.current.share, f.onTime.previous.share)}
                  goodness="up-is-good"
                />
              </span>
            </div>
          </div>
        </div>
        {f.examples.length === 0 ? (
          <p className="text-[32px] text-slate-300">За неделю решений с фото не было.</p>
        ) : (
          <ol className="grid min-h-0 flex-1 grid-cols-2 grid-rows-3 gap-[20px]">
            {f.examples.map((ex) => (
              <Example key={ex.complaintId} ex={ex} />
            ))}
          </ol>
        )}
        <p
          data-testid="fixed-photos"
          data-value={f.withPhotos.current}
          className="text-[24px] text-slate-400"
        >
          {photoNote(f)} Примеры — последние решения разных блоков.
        </p>
      </div>
    </SlideFrame>
  );
}
