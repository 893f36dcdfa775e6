'use client';

import { AUTO_INTERVALS } from '@/components/briefing/deck-constants';
import type { WeekOption } from '@/lib/briefing/week-label';

interface DeckControlsProps {
  visible: boolean;
  index: number;
  total: number;
  weekId: string;
  weeks: WeekOption[];
  auto: boolean;
  interval: number;
  pdfState: 'idle' | 'busy' | 'error';
  onPrev: () => void;
  onNext: () => void;
  onToggleAuto: () => void;
  onInterval: (seconds: number) => void;
  onWeek: (id: string) => void;
  onFullscreen: () => void;
  onPdf: () => void;
}

const BUTTON =
  'rounded-[10px] border border-slate-600 bg-slate-800 px-[18px] py-[8px] text-[24px] font-semibold text-slate-100 hover:bg-slate-700 disabled:opacity-40';
const SELECT =
  'rounded-[10px] border border-slate-600 bg-slate-800 px-[12px] py-[8px] text-[24px] text-slate-100';

/** The presenter's bar: slides, auto-advance and its interval, the week, full screen, PDF, and the keys. */
export function DeckControls(p: DeckControlsProps) {
  return (
    <div
      data-testid="deck-controls"
      data-visible={p.visible ? 'true' : 'false'}
      className={`briefing-chrome absolute right-[40px] bottom-[96px] left-[40px] z-20 flex flex-col gap-[10px] rounded-[18px] border border-slate-700 bg-[#0b1220] px-[24px] py-[16px] shadow-2xl transition-opacity duration-500 ${p.visible ? 'opacity-100' : 'opacity-0'}`}
    >
      <div className="flex flex-wrap items-center gap-[14px]">
        <button
          type="button"
          className={BUTTON}
          onClick={p.onPrev}
          disabled={p.index === 0}
          aria-label="Предыдущий слайд"
          data-testid="deck-prev"
        >
          ←
        </button>
        <span data-testid="deck-position" className="min-w-[110px] text-center text-[24px] tabular-nums">
          {p.index + 1} / {p.total}
        </span>
        <button
          type="button"
          className={BUTTON}
          onClick={p.onNext}
          disabled={p.index === p.total - 1}
          aria-label="Следующий слайд"
          data-testid="deck-next"
        >
          →
        </button>
        <label className="ml-[20px] flex items-center gap-[10px] text-[24px] text-slate-300">
          Неделя
          <select
            data-testid="week-picker"
            className={SELECT}
            value={p.weekId}
            onChange={(e) => p.onWeek(e.target.value)}
          >
            {p.weeks.map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}
                {w.current ? ' (идёт)' : ''}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className={`${BUTTON} ml-[20px] ${p.auto ? 'border-sky-400 text-sky-300' : ''}`}
          onClick={p.onToggleAuto}
          data-testid="auto-toggle"
          aria-pressed={p.auto}
        >
          {p.auto ? '❚❚ Автопоказ' : '▶ Автопоказ'}
        </button>
        <select
          data-testid="auto-interval"
          aria-label="Интервал автопоказа"
          className={SELECT}
          value={p.interval}
          onChange={(e) => p.onInterval(Number(e.target.value))}
        >
          {AUTO_INTERVALS.map((s) => (
            <option key={s} value={s}>
              {s} с
            </option>
          ))}
        </select>
        <button
          type="button"
          className={`${BUTTON} ml-auto`}
          onClick={p.onFullscreen}
          data-testid="fullscreen"
        >
          Во весь экран
        </button>
        <button
          type="button"
          className={BUTTON}
          onClick={p.onPdf}
          disabled={p.pdfState === 'busy'}
          data-testid="pdf-button"
        >
          {p.pdfState === 'busy' ? 'PDF готовится…' : 'PDF'}
        </button>
      </div>
      <div className="text-[24px] text-slate-400">
        → / PageDown / пробел — далее · ← / PageUp — назад · Home / End — первый / последний · F — полный
        экран · P — автопоказ{p.pdfState === 'error' ? ' · PDF не удалось получить' : ''}
      </div>
    </div>
  );
}
