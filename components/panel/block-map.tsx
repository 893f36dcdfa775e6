'use client';

import 'maplibre-gl/dist/maplibre-gl.css';
import { memo, useEffect, useMemo } from 'react';
import type { CellCount, Incident } from '@/lib/realtime/contract';
import { incidentLabelsLayer, incidentRingsLayer } from '@/components/incidents/incident-layers';
import { useIncidentProbe } from '@/components/incidents/use-incident-probe';
import type { HeatCell, TensionPoint, TerritoryLoad } from '@/lib/panels/types';
import { DeckMapFrame } from '@/components/map/deck-map-frame';
import { useDeckMap, usePlacedLabels, type DeckMapOptions } from '@/components/map/use-deck-map';
import { useMunicipalityClicks } from '@/components/map/drill-click';
import type { Per10kScale } from '@/components/panel/panel-colors';
import { bordersLayer, maxOpenOf, moscowMaskLayer } from '@/components/map/wall-layers';
import { usePlaybackContext } from '@/components/playback/playback-context';
import { playbackLayers } from '@/components/playback/playback-layers';
import {
  TENSION_LABEL_SIZE_PX,
  type TensionLabel,
  choroplethLayer,
  heatPointsOfPanel,
  openCellsLayers,
  panelHeatLayer,
  tensionAreasLayers,
  tensionCellsLayer,
  tensionLabelsLayer,
  tensionLabelsOf,
} from '@/components/panel/panel-layers';

/** The oblast nearly fills the box: the legend and the tension list sit outside the map. */
const FIT_PADDING = 0.03;
const MAP_OPTIONS: DeckMapOptions = {
  padding: { left: FIT_PADDING, right: FIT_PADDING, top: FIT_PADDING, bottom: FIT_PADDING },
  // The map is one box of the panel: its lines and labels follow the screen (1080 px = 1), like the text.
  scaleBy: 'window',
};
/** Every tension label has one size; a module constant so the placement is not redone on every render. */
const tensionLabelSize = () => TENSION_LABEL_SIZE_PX;

export interface BlockMapProps {
  cells: CellCount[];
  cellsVersion: number;
  heat: HeatCell[];
  territories: TerritoryLoad[];
  per10k: Per10kScale;
  tension: TensionPoint[];
  /** Changes with every panel recount: the choropleth's colours are recomputed only then. */
  panelAsOf: string;
  nameOf: (oktmo: string | null) => string;
  /** The block's live incidents, ringed and named over everything; none in a replay. */
  incidents?: Incident[] | null;
}

/** Labels east of this open to the left, so a name near the edge runs into the map. */
const REGION_CENTRE_LON = 37.6;

function BlockMap(props: BlockMapProps) {
  const {
    cells,
    cellsVersion,
    heat,
    territories,
    per10k,
    tension,
    panelAsOf,
    nameOf,
    incidents = null,
  } = props;
  const deckMap = useDeckMap(MAP_OPTIONS);
  const { containerRef, geo, overlay, ready, scale } = deckMap;
  // A click on a municipality opens its drill-down (this block's, or all blocks' on the region wall).
  useMunicipalityClicks(deckMap.map, geo?.municipalities ?? null);
  useIncidentProbe(deckMap.map, incidents);

  const loads = useMemo(() => new Map(territories.map((t) => [t.oktmo, t])), [territories]);
  const heatPoints = useMemo(() => heatPointsOfPanel(heat), [heat]);
  const maxOpen = useMemo(() => maxOpenOf(cells), [cells]);
  const tensionLabels = useMemo(
    (): TensionLabel[] => (geo ? tensionLabelsOf(tension, geo.municipalities, nameOf) : []),
    [geo, tension, nameOf],
  );
  // Overlapping names are unreadable from 5 m: the stronger surge keeps its label, the rim stays for all.
  const labels = usePlacedLabels(deckMap, tensionLabels, tensionLabelSize);
  // A replay draws its own frame instead of the live layers (the live feed runs on underneath).
  const playback = usePlaybackContext();
  const frame = playback?.frame ?? null;
  const playbackCells = playback?.cells;
  const replay = useMemo(
    () => (frame && playbackCells ? playbackLayers(playbackCells, frame, scale, 'panel') : null),
    [frame, playbackCells, scale],
  );

  useEffect(() => {
    if (!overlay || !geo) return;
    if (replay) {
      const [heat, hexes, dots, pulses] = replay;
      const base = [moscowMaskLayer(geo.moscow), bordersLayer(geo.municipalities, scale)];
      overlay.setProps({ layers: [heat, hexes, ...base, dots, pulses] });
      return;
    }
    overlay.setProps({
      layers: [
        choroplethLayer(geo.municipalities, loads, per10k, panelAsOf),
        panelHeatLayer(heatPoints, scale),
        // Moscow is not part of the oblast: its grey goes above the heat so the glow does not spill into it.
        moscowMaskLayer(geo.moscow),
        ...openCellsLayers(cells, maxOpen, scale),
        ...tensionAreasLayers(geo.municipalities, tension, scale),
        tensionCellsLayer(tension, scale),
        tensionLabelsLayer(labels, scale),
        incidentRingsLayer(incidents ?? [], scale),
        incidentLabelsLayer(incidents ?? [], scale, REGION_CENTRE_LON),
      ],
    });
  }, [
    overlay,
    geo,
    loads,
    per10k,
    panelAsOf,
    heatPoints,
    cells,
    maxOpen,
    tension,
    labels,
    scale,
    replay,
    incidents,
  ]);

  return (
    <DeckMapFrame
      containerRef={containerRef}
      ready={ready}
      testId="block-map"
      label="Карта Московской области: обращения блока по территориям"
      data={{
        'data-cells': cells.length,
        'data-heat': heat.length,
        'data-territories': territories.length,
        'data-tension': tension.length,
        'data-layer-version': cellsVersion,
        'data-replay': replay ? 1 : 0,
        'data-incidents': replay ? 0 : (incidents?.filter((i) => i.status !== 'closed').length ?? 0),
      }}
    />
  );
}

// The screen re-renders every second for its clock; the map only when its data changes.
export default memo(BlockMap);
