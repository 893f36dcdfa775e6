'use client';

import 'maplibre-gl/dist/maplibre-gl.css';
import { memo, useEffect, useMemo, useState } from 'react';
import type { CellCount } from '@/lib/realtime/contract';
import type { Arrival } from '@/lib/client/wall-state';
import { MAP_PADDING } from '@/lib/client/map-style';
import { useDeckMap, usePlacedLabels, type DeckMapOptions } from '@/lib/client/use-deck-map';
import {
  arrivalDotsLayer,
  bordersLayer,
  heatLayer,
  heatPointsOf,
  hexLayer,
  labelSizeOf,
  labelsLayer,
  labelsOf,
  maxOpenOf,
  moscowMaskLayer,
  pulseLayer,
} from '@/lib/client/wall-layers';
import { DeckMapFrame } from './deck-map-frame';

/** Pulses animate at this rate: smooth enough from 5 m, light enough for a wall PC running for weeks. */
const FRAME_MS = 40;
const MAP_OPTIONS: DeckMapOptions = {
  padding: MAP_PADDING,
  // The map fills its screen, so the box's height is the screen's (1080 px = 1).
  scaleBy: 'box',
};

interface RegionMapProps {
  cells: CellCount[];
  cellsVersion: number;
  arrivals: Arrival[];
}

function RegionMap({ cells, cellsVersion, arrivals }: RegionMapProps) {
  const deckMap = useDeckMap(MAP_OPTIONS);
  const { containerRef, geo, overlay, ready, scale } = deckMap;
  const [now, setNow] = useState(() => Date.now());
  const allLabels = useMemo(() => (geo ? labelsOf(geo.municipalities) : []), [geo]);
  // Overlapping names are unreadable from 5 m: the biggest towns keep theirs.
  const labels = usePlacedLabels(deckMap, allLabels, labelSizeOf);

  const animating = arrivals.length > 0;
  useEffect(() => {
    if (!animating) return;
    let raf = 0;
    let last = 0;
    const tick = (t: number) => {
      if (t - last >= FRAME_MS) {
        last = t;
        setNow(Date.now());
      }
      raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [animating]);

  const heatPoints = useMemo(() => heatPointsOf(cells), [cells]);
  const maxOpen = useMemo(() => maxOpenOf(cells), [cells]);

  useEffect(() => {
    if (!overlay || !geo) return;
    overlay.setProps({
      layers: [
        heatLayer(heatPoints, scale),
        hexLayer(cells, maxOpen),
        moscowMaskLayer(geo.moscow),
        bordersLayer(geo.municipalities, scale),
        labelsLayer(labels, scale),
        // News goes above the names: a fresh complaint in a town centre must not hide under its label.
        arrivalDotsLayer(arrivals, now, scale),
        pulseLayer(arrivals, now, scale),
      ],
    });
  }, [overlay, geo, heatPoints, cells, maxOpen, labels, arrivals, now, scale]);

  return (
    <DeckMapFrame
      containerRef={containerRef}
      ready={ready}
      testId="wall-map"
      label="Карта Московской области: открытые обращения по территориям"
      data={{ 'data-cells': cells.length, 'data-layer-version': cellsVersion }}
    />
  );
}

// The screen re-renders every second for its data age; the map only when its data changes.
export default memo(RegionMap);
