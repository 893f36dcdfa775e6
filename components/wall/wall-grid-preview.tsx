'use client';

import { useEffect, useState } from 'react';

/** Native size of one physical screen: each iframe lays out exactly as the real screen does, then shrinks. */
const SCREEN_W = 1920;
const SCREEN_H = 1080;
const GAP_PX = 12;
/** Caption strip per row at 1080 px of window height: its 0.62 share is the 24-pixel floor of wall text. */
const LABEL_PX_AT_1080 = 40;

export interface GridScreen {
  id: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Its kind in the screen registry (lib/wall/screen-registry.ts). */
  kind: string;
  /** What the screen shows, for its label. */
  title: string;
}

export function WallGridPreview({
  rows,
  cols,
  screens,
}: {
  rows: number;
  cols: number;
  screens: GridScreen[];
}) {
  const [scale, setScale] = useState(0);
  // The captions grow with the window like every wall text (48 px at 2160 px).
  const [labelPx, setLabelPx] = useState(LABEL_PX_AT_1080);
  useEffect(() => {
    const fit = () => {
      const w = (window.innerWidth - GAP_PX * (cols + 1)) / (cols * SCREEN_W);
      const label = Math.max(LABEL_PX_AT_1080, (LABEL_PX_AT_1080 * window.innerHeight) / 1080);
      setLabelPx(label);
      const h = (window.innerHeight - (GAP_PX + label) * rows - GAP_PX) / (rows * SCREEN_H);
      setScale(Math.max(0.05, Math.min(w, h)));
    };
    fit();
    window.addEventListener('resize', fit);
    return () => window.removeEventListener('resize', fit);
  }, [rows, cols]);

  return (
    <main
      data-testid="wall-grid"
      className="fixed inset-0 grid content-center justify-center overflow-hidden bg-black"
      style={{
        gap: GAP_PX,
        gridTemplateColumns: `repeat(${cols}, ${SCREEN_W * scale}px)`,
        gridTemplateRows: `repeat(${rows}, ${SCREEN_H * scale + labelPx}px)`,
      }}
    >
      {scale === 0
        ? null
        : screens.map((s) => {
            // A spanning screen is one picture over several panels: its page lays out at the joined size
            // (the 2×2 map at 3840×2160), and the gaps between panels are the bezels it runs across.
            const width = SCREEN_W * s.colSpan;
            const height = SCREEN_H * s.rowSpan;
            const boxW = SCREEN_W * scale * s.colSpan + GAP_PX * (s.colSpan - 1);
            const boxH = (SCREEN_H * scale + labelPx) * s.rowSpan + GAP_PX * (s.rowSpan - 1) - labelPx;
            const inner = Math.min(boxW / width, boxH / height);
            return (
              <figure
                key={s.id}
                data-testid="grid-screen"
                data-screen={s.id}
                data-kind={s.kind}
                data-span={`${s.rowSpan}x${s.colSpan}`}
                className="m-0 flex flex-col"
                style={{
                  gridRow: `${s.row} / span ${s.rowSpan}`,
                  gridColumn: `${s.col} / span ${s.colSpan}`,
                }}
              >
                <figcaption
                  className="truncate font-semibold text-slate-300"
                  style={{ height: labelPx, fontSize: labelPx * 0.62, lineHeight: `${labelPx}px` }}
                >
                  {s.id} · {s.title}
                </figcaption>
                <div className="overflow-hidden" style={{ width: width * inner, height: height * inner }}>
                  <iframe
                    src={`/wall/s/${s.id}`}
                    title={`Экран ${s.id}: ${s.title}`}
                    width={width}
                    height={height}
                    className="block origin-top-left border-0"
                    style={{ transform: `scale(${inner})` }}
                  />
                </div>
              </figure>
            );
          })}
    </main>
  );
}
