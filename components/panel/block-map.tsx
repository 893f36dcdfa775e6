'use client';

import 'maplibre-gl/dist/maplibre-gl.css';
import { memo, useEffect, useMemo } from 'react';
import type { CellCount } from '@/lib/realtime/contract';
import type { HeatCell, TensionPoint, TerritoryLoad } from '@/lib/panels/types';
import { DeckMapFrame } from '@/components/wall/deck-map-frame';
import { useDeckMap, usePlacedLabels, type DeckMapOptions } from '@/lib/client/use-deck-map';
import type { Per10kScale } from '@/lib/client/panel-colors';
import { maxOpenOf, moscowMaskLayer } from '@/lib/client/wall-layers';
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
} from '@/lib/client/panel-layers';

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
}

function BlockMap(props: BlockMapProps) {
  const { cells, cellsVersion, heat, territories, per10k, tension, panelAsOf, nameOf } = props;
  const deckMap = useDeckMap(MAP_OPTIONS);
  const { containerRef, geo, overlay, ready, scale } = deckMap;

  const loads = useMemo(() => new Map(territories.map((t) => [t.oktmo, t])), [territories]);
  const heatPoints = useMemo(() => heatPointsOfPanel(heat), [heat]);
  const maxOpen = useMemo(() => maxOpenOf(cells), [cells]);
  const tensionLabels = useMemo(
    (): TensionLabel[] => (geo ? tensionLabelsOf(tension, geo.municipalities, nameOf) : []),
    [geo, tension, nameOf],
  );
  // Overlapping names are unreadable from 5 m: the stronger surge keeps its label, the rim stays for all.
  const labels = usePlacedLabels(deckMap, tensionLabels, tensionLabelSize);

  useEffect(() => {
    if (!overlay || !geo) return;
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
      ],
    });
  }, [overlay, geo, loads, per10k, panelAsOf, heatPoints, cells, maxOpen, tension, labels, scale]);

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
      }}
    />
  );
}

// The screen re-renders every second for its clock; the map only when its data changes.
export default memo(BlockMap);
