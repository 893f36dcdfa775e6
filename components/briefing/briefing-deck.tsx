'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Briefing } from '@/lib/briefing/types';
import { BRIEFING_PRINT_CSS } from './briefing-print-css';
import { DEFAULT_AUTO_INTERVAL, autoIntervalOf } from '@/components/briefing/deck-constants';
import { DeckControls } from './deck-controls';
import { briefingSlides } from './slides';
import { useAutoAdvance } from './use-auto-advance';
import { usePdfDownload } from './use-pdf-download';
import { STAGE_HEIGHT, STAGE_WIDTH, useStageScale } from './use-stage-scale';

interface BriefingDeckProps {
  briefing: Briefing;
  /** 0-based. */
  initialSlide: number;
  /** Seconds per slide when the URL asked for auto-advance (`&auto=20`), else null. */
  initialAuto: number | null;
  /** `?print=1`: every slide one after another, no controls (what the PDF renderer opens). */
  print: boolean;
}

const CHROME_IDLE_MS = 4000;

function setUrlParams(params: Record<string, string | null>) {
  const url = new URL(window.location.href);
  for (const [key, value] of Object.entries(params))
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  window.history.replaceState(window.history.state, '', url);
}

/**
 * The briefing as a full-screen presentation on a fixed 1920×1080 stage scaled to the window: keys and buttons
 * step through the slides, auto-advance loops for unattended showing, the URL always names the week and the
 * slide so a link opens exactly what is on screen.
 */
export function BriefingDeck({ briefing, initialSlide, initialAuto, print }: BriefingDeckProps) {
  const router = useRouter();
  const slides = useMemo(() => briefingSlides(briefing), [briefing]);
  const total = slides.length;
  const [index, setIndex] = useState(Math.min(Math.max(initialSlide, 0), total - 1));
  const [auto, setAuto] = useState(initialAuto !== null && !print);
  const [interval, setIntervalSeconds] = useState<number>(initialAuto ?? DEFAULT_AUTO_INTERVAL);
  const [chrome, setChrome] = useState(true);
  const [ready, setReady] = useState(false);
  const scale = useStageScale();
  const pdf = usePdfDownload(briefing.week.id);

  const go = useCallback((i: number) => setIndex(Math.min(Math.max(i, 0), total - 1)), [total]);
  const advance = useCallback(() => setIndex((i) => (i + 1) % total), [total]);
  const left = useAutoAdvance(auto, interval, index, advance);

  useEffect(() => setReady(true), []);
  useEffect(() => {
    if (!print) setUrlParams({ slide: String(index + 1) });
  }, [index, print]);
  useEffect(() => {
    if (!print) setUrlParams({ auto: auto ? String(interval) : null });
  }, [auto, interval, print]);

  // The bar shows while the mouse moves and fades after a few idle seconds; keys never bring it up.
  useEffect(() => {
    if (!chrome) return;
    const t = setTimeout(() => setChrome(false), CHROME_IDLE_MS);
    return () => clearTimeout(t);
  }, [chrome]);
  useEffect(() => {
    const show = () => setChrome(true);
    window.addEventListener('mousemove', show);
    return () => window.removeEventListener('mousemove', show);
  }, []);

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen?.().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (print) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.target instanceof HTMLSelectElement) return;
      const k = e.code;
      if (k === 'ArrowRight' || k === 'PageDown' || k === 'Space') go(index + 1);
      else if (k === 'ArrowLeft' || k === 'PageUp') go(index - 1);
      else if (k === 'Home') go(0);
      else if (k === 'End') go(total - 1);
      else if (k === 'KeyF') toggleFullscreen();
      else if (k === 'KeyP') setAuto((a) => !a);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go, index, total, print, toggleFullscreen]);

  const changeWeek = (id: string) => {
    const params = new URLSearchParams({ week: id });
    if (auto) params.set('auto', String(interval));
    router.push(`/briefing?${params.toString()}`);
  };

  const partial = !briefing.week.complete;
  const meta = (i: number) => ({
    index: i + 1,
    total,
    weekLabel: briefing.week.label,
    generatedAt: briefing.generatedAt,
    partial,
  });

  return (
    <div
      data-testid="briefing-deck"
      data-briefing-ready={ready ? 'true' : 'false'}
      data-week={briefing.week.id}
      data-slide-index={index}
      data-slide-count={total}
      data-auto={auto ? 'true' : 'false'}
      className={
        print
          ? 'briefing-viewport'
          : 'briefing-viewport fixed inset-0 flex items-center justify-center overflow-hidden bg-black'
      }
      style={print ? undefined : { cursor: chrome ? 'default' : 'none' }}
    >
      <style>{BRIEFING_PRINT_CSS}</style>
      <div
        className="briefing-stage relative shrink-0 bg-[#05070c]"
        style={print ? undefined : { width: STAGE_WIDTH, height: STAGE_HEIGHT, transform: `scale(${scale})` }}
      >
        {slides.map((s, i) => (
          <div
            key={s.id}
            className="briefing-slide-wrap"
            data-active={i === index ? 'true' : 'false'}
            style={print || i === index ? undefined : { display: 'none' }}
          >
            {s.render(meta(i))}
          </div>
        ))}
        {!print && auto && (
          <>
            <div className="briefing-chrome absolute right-0 bottom-0 left-0 h-[8px] bg-slate-800">
              <div
                data-testid="auto-progress"
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={interval}
                aria-valuenow={Math.round(interval - left)}
                className="h-full bg-sky-400"
                style={{ width: `${((interval - left) / interval) * 100}%` }}
              />
            </div>
            <div
              data-testid="auto-seconds"
              className="briefing-chrome absolute bottom-[22px] left-1/2 -translate-x-1/2 rounded-full bg-slate-800/90 px-[18px] py-[2px] text-[24px] font-semibold text-slate-100 tabular-nums"
            >
              ▶ {Math.ceil(left)} с
            </div>
          </>
        )}
        {!print && (
          <DeckControls
            visible={chrome}
            index={index}
            total={total}
            weekId={briefing.week.id}
            weeks={briefing.weeks}
            auto={auto}
            interval={interval}
            pdfState={pdf.state}
            onPrev={() => go(index - 1)}
            onNext={() => go(index + 1)}
            onToggleAuto={() => setAuto((a) => !a)}
            onInterval={(s) => setIntervalSeconds(autoIntervalOf(s) ?? DEFAULT_AUTO_INTERVAL)}
            onWeek={changeWeek}
            onFullscreen={toggleFullscreen}
            onPdf={pdf.download}
          />
        )}
      </div>
    </div>
  );
}
