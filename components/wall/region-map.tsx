'use client';

import 'maplibre-gl/dist/maplibre-gl.css';
import { memo, useEffect, useMemo, useState } from 'react';
import type { CellCount, Incident } from '@/lib/realtime/contract';
import type { Arrival } from '@/lib/realtime/client/wall-state';
import { MAP_PADDING } from '@/components/map/map-style';
import { useDeckMap, usePlacedLabels, type DeckMapOptions } from '@/components/map/use-deck-map';
import { useMunicipalityClicks } from '@/components/map/drill-click';
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
} from '@/components/map/wall-layers';
import { DeckMapFrame } from '../map/deck-map-frame';
import { usePlaybackContext } from '@/components/playback/playback-context';
import { playbackLayers } from '@/components/playback/playback-layers';
import { incidentLabelsLayer, incidentRingsLayer } from '@/components/incidents/incident-layers';
import { useIncidentProbe } from '@/components/incidents/use-incident-probe';

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
  /** Live incidents, ringed and named above everything else; none in a replay. */
  incidents: Incident[] | null;
}

/** Labels east of this open to the left, so a name near the edge runs into the map. */
const REGION_CENTRE_LON = 37.6;

function RegionMap({ cells, cellsVersion, arrivals, incidents }: RegionMapProps) {
  const deckMap = useDeckMap(MAP_OPTIONS);
  const { containerRef, geo, overlay, ready, scale } = deckMap;
  // A click on a municipality opens its drill-down (this block's, or all blocks' on the region wall).
  useMunicipalityClicks(deckMap.map, geo?.municipalities ?? null);
  useIncidentProbe(deckMap.map, incidents);
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
  // A replay draws its own frame in place of the live heat, hexagons and arrivals (the live feed runs on).
  const playback = usePlaybackContext();
  const frame = playback?.frame ?? null;
  const playbackCells = playback?.cells;
  const replay = useMemo(
    () => (frame && playbackCells ? playbackLayers(playbackCells, frame, scale, 'wall') : null),
    [frame, playbackCells, scale],
  );

  useEffect(() => {
    if (!overlay || !geo) return;
    if (replay) {
      const [heat, hexes, dots, pulses] = replay;
      const base = [
        moscowMaskLayer(geo.moscow),
        bordersLayer(geo.municipalities, scale),
        labelsLayer(labels, scale),
      ];
      overlay.setProps({ layers: [heat, hexes, ...base, dots, pulses] });
      return;
    }
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
        // Incidents over all: what the room must act on is never under a name or a dot.
        incidentRingsLayer(incidents ?? [], scale),
        incidentLabelsLayer(incidents ?? [], scale, REGION_CENTRE_LON),
      ],
    });
  }, [overlay, geo, heatPoints, cells, maxOpen, labels, arrivals, now, scale, replay, incidents]);

  return (
    <DeckMapFrame
      containerRef={containerRef}
      ready={ready}
      testId="wall-map"
      label="Карта Московской области: открытые обращения по территориям"
      data={{
        'data-cells': cells.length,
        'data-layer-version': cellsVersion,
        'data-replay': replay ? 1 : 0,
        'data-incidents': replay ? 0 : (incidents?.filter((i) => i.status !== 'closed').length ?? 0),
      }}
    />
  );
}

// The screen re-renders every second for its data age; the map only when its data changes.
export default memo(RegionMap);
