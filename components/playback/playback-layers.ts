/**
 * deck.gl layers of a replay, pure like wall-layers.ts: fixed ids, the cell data built once per payload and
 * only the weights changing per frame (through updateTriggers), so a frame recolours instead of rebuilding.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { cellToLatLng } from 'h3-js';
import type { MapFrame } from '../../lib/playback/map-frame';
import { colorForCount, HEAT_COLOR_RANGE } from '../map/color-ramp';

/** Sizes for a 1080 px tall screen, multiplied by `scale`. */
const HEAT_RADIUS_PX = { wall: 38, panel: 20 } as const;
const DOT_RADIUS_PX = { wall: 4.5, panel: 3 } as const;
const PULSE_MAX_RADIUS_PX = { wall: 40, panel: 22 } as const;
/**
 * Replay's own colour: violet, never the live cyan (a replayed arrival must not pass for a live one) and never
 * red or amber, which mean a breach and a warning on every screen.
 */
export const PLAYBACK_RGB: [number, number, number] = [196, 181, 253];
const TRANSPARENT: [number, number, number, number] = [0, 0, 0, 0];

export type PlaybackMapVariant = keyof typeof HEAT_RADIUS_PX;

export interface PlaybackCell {
  h3: string;
  index: number;
  position: [number, number];
}

/** The payload's cells with their centres: once per payload. */
export function playbackCellsOf(cells: string[]): PlaybackCell[] {
  return cells.map((h3, index) => {
    const [lat, lon] = cellToLatLng(h3);
    return { h3, index, position: [lon, lat] };
  });
}

export function playbackHeatLayer(
  cells: PlaybackCell[],
  frame: MapFrame,
  scale: number,
  variant: PlaybackMapVariant,
) {
  return new HeatmapLayer<PlaybackCell>({
    id: 'playback-heat',
    data: cells,
    getPosition: (d) => d.position,
    getWeight: (d) => frame.weights[d.index] ?? 0,
    radiusPixels: Math.max(4, Math.round(HEAT_RADIUS_PX[variant] * scale)),
    colorRange: HEAT_COLOR_RANGE,
    intensity: 1,
    threshold: 0.08,
    opacity: variant === 'wall' ? 0.55 : 0.8,
    updateTriggers: { getWeight: frame.clock },
  });
}

export function playbackCellsLayer(cells: PlaybackCell[], frame: MapFrame) {
  return new H3HexagonLayer<PlaybackCell>({
    id: 'playback-cells',
    data: cells,
    getHexagon: (d) => d.h3,
    extruded: false,
    filled: true,
    stroked: true,
    getFillColor: (d) => {
      const w = frame.weights[d.index] ?? 0;
      // Shifted by one so a lone fresh complaint is not the ramp's darkest end when the busiest cell has two.
      return w > 0 ? colorForCount(1 + w, 1 + frame.maxWeight, 215) : TRANSPARENT;
    },
    getLineColor: (d) => ((frame.weights[d.index] ?? 0) > 0 ? [5, 7, 12, 200] : TRANSPARENT),
    getLineWidth: 1,
    lineWidthUnits: 'pixels',
    updateTriggers: { getFillColor: frame.clock, getLineColor: frame.clock },
  });
}

/** Single complaints of the last minutes (24 hours only), fading as they age. */
export function playbackDotsLayer(frame: MapFrame, scale: number, variant: PlaybackMapVariant) {
  return new ScatterplotLayer<MapFrame['dots'][number]>({
    id: 'playback-dots',
    data: frame.dots,
    getPosition: (d) => [d.lon, d.lat],
    getRadius: DOT_RADIUS_PX[variant],
    radiusScale: scale,
    radiusUnits: 'pixels',
    getFillColor: (d) => [...PLAYBACK_RGB, Math.round(90 + 165 * d.freshness)],
    stroked: true,
    getLineColor: [5, 7, 12, 255],
    getLineWidth: scale,
    lineWidthUnits: 'pixels',
  });
}

/** Rings around the newest arrivals (24 hours) or the cells of the running hour (7 days). */
export function playbackPulseLayer(frame: MapFrame, scale: number, variant: PlaybackMapVariant) {
  return new ScatterplotLayer<MapFrame['pulses'][number]>({
    id: 'playback-pulses',
    data: frame.pulses,
    getPosition: (d) => [d.lon, d.lat],
    getRadius: (d) => DOT_RADIUS_PX[variant] + d.phase * PULSE_MAX_RADIUS_PX[variant],
    radiusScale: scale,
    radiusUnits: 'pixels',
    filled: false,
    stroked: true,
    getLineColor: (d) => [...PLAYBACK_RGB, Math.round(255 * (1 - d.phase))],
    getLineWidth: 3 * scale,
    lineWidthUnits: 'pixels',
  });
}

/**
 * Every layer of a replay frame, bottom to top: heat, hexagons, dots, pulses. The caller puts its own borders,
 * mask and labels around them.
 */
export function playbackLayers(
  cells: PlaybackCell[],
  frame: MapFrame,
  scale: number,
  variant: PlaybackMapVariant,
) {
  return [
    playbackHeatLayer(cells, frame, scale, variant),
    playbackCellsLayer(cells, frame),
    playbackDotsLayer(frame, scale, variant),
    playbackPulseLayer(frame, scale, variant),
  ];
}
