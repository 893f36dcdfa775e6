import { HOUR_MS, MINUTE_MS } from '../domain/time-units';
import { SPAN_SPECS, type PlaybackCells, type PlaybackData, type PlaybackPoints } from './types';

/** Single complaints stay on the map as dots this long (playback time) after they arrive. */
export const DOT_TRAIL_MS = 10 * MINUTE_MS;
/** A pulse lasts this much real time, whatever the speed: the newest arrivals ring, older ones do not. */
export const PULSE_REAL_MS = 1_500;
/** More rings at once only make noise: the newest keep theirs. */
export const PULSE_LIMIT = 60;
/** A faded cell still shows: the trail is visible up to its end. */
const MIN_FADE = 0.15;

export interface MapDot {
  lon: number;
  lat: number;
  /** 1 just arrived … 0 at the end of the dot's life. */
  freshness: number;
}

export interface MapPulse {
  lon: number;
  lat: number;
  /** 0 when the ring starts … 1 when it has spread and faded. */
  phase: number;
}

/** What the map draws at one clock position. `weights` is aligned to `PlaybackData.cells`. */
export interface MapFrame {
  clock: number;
  weights: Float32Array;
  maxWeight: number;
  dots: MapDot[];
  pulses: MapPulse[];
}

/** Cell centres are looked up once per payload (h3-js in the browser, passed in to keep this file pure). */
export type CellCentre = (h3: string) => [lon: number, lat: number];

const fade = (age: number, trail: number) => Math.max(MIN_FADE, 1 - age / trail);

/** First index i with values[i] >= x (values ascending). */
export function lowerBound(values: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * 24 hours: complaints received in (clock − trail, clock] weigh their cell by freshness; the last
 * DOT_TRAIL_MS are dots; those of the last PULSE_REAL_MS of real time at this speed pulse.
 */
function pointsFrame(
  map: PlaybackPoints,
  cellCount: number,
  trailMs: number,
  clock: number,
  speed: number,
): MapFrame {
  const origin = Date.parse(map.from);
  const now = (clock - origin) / 1000;
  const first = lowerBound(map.t, now - trailMs / 1000 + 1e-6);
  const end = lowerBound(map.t, now + 1e-6);
  const weights = new Float32Array(cellCount);
  const dots: MapDot[] = [];
  const pulses: MapPulse[] = [];
  const pulseMs = Math.max(MINUTE_MS, speed * PULSE_REAL_MS);
  for (let i = end - 1; i >= first; i -= 1) {
    const age = (now - map.t[i]!) * 1000;
    weights[map.cell[i]!]! += fade(age, trailMs) * map.sampleEvery;
    if (age < DOT_TRAIL_MS)
      dots.push({ lon: map.lon[i]!, lat: map.lat[i]!, freshness: 1 - age / DOT_TRAIL_MS });
    if (age < pulseMs && pulses.length < PULSE_LIMIT)
      pulses.push({ lon: map.lon[i]!, lat: map.lat[i]!, phase: age / pulseMs });
  }
  return { clock, weights, maxWeight: Math.max(0, ...weights), dots, pulses };
}

/**
 * 7 days: each hour counts once it has begun, growing with its elapsed part (the complaints of 14:00–15:00
 * have not all arrived at 14:20) and fading over the trail; the cells of the running hour pulse.
 */
function cellsFrame(
  map: PlaybackCells,
  cellCount: number,
  trailMs: number,
  clock: number,
  centre: CellCentre,
  cells: string[],
): MapFrame {
  const origin = Date.parse(map.from);
  const hours = map.hourStart.length - 1;
  const current = Math.floor((clock - origin) / HOUR_MS);
  const weights = new Float32Array(cellCount);
  const running: { cell: number; n: number }[] = [];
  const firstHour = Math.max(0, Math.floor((clock - trailMs - origin) / HOUR_MS));
  for (let h = firstHour; h <= Math.min(current, hours - 1); h += 1) {
    const start = origin + h * HOUR_MS;
    const elapsed = Math.min(1, (clock - start) / HOUR_MS);
    const age = Math.max(0, clock - (start + HOUR_MS));
    if (age >= trailMs) continue;
    const w = elapsed * fade(age, trailMs);
    for (let e = map.hourStart[h]!; e < map.hourStart[h + 1]!; e += 1) {
      weights[map.cell[e]!]! += map.n[e]! * w;
      if (h === current) running.push({ cell: map.cell[e]!, n: map.n[e]! });
    }
  }
  const phase = Math.min(1, Math.max(0, (clock - (origin + current * HOUR_MS)) / HOUR_MS));
  const pulses = running
    .sort((a, b) => b.n - a.n)
    .slice(0, PULSE_LIMIT)
    .map(({ cell }) => {
      const [lon, lat] = centre(cells[cell]!);
      return { lon, lat, phase };
    });
  return { clock, weights, maxWeight: Math.max(0, ...weights), dots: [], pulses };
}

/** The map at a clock position (continuous: the map moves between the counters' steps). */
export function mapFrameAt(data: PlaybackData, clock: number, speed: number, centre: CellCentre): MapFrame {
  const trailMs = SPAN_SPECS[data.span].trailMs;
  return data.map.kind === 'points'
    ? pointsFrame(data.map, data.cells.length, trailMs, clock, speed)
    : cellsFrame(data.map, data.cells.length, trailMs, clock, centre, data.cells);
}
