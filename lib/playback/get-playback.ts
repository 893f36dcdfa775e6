import { cellToLatLng } from 'h3-js';
import type { Db } from '../../db/client';
import type { MunicipalityLocator } from '../geo/municipality-locator';
import { getPlaybackBacklog } from './get-playback-backlog';
import { getPlaybackCells, type PlaybackCellRows } from './get-playback-cells';
import { getPlaybackPoints, type PlaybackPointRows } from './get-playback-points';
import { getPlaybackSeries } from './get-playback-series';
import { WALL_H3_RESOLUTION } from '../domain/h3-resolutions';
import { startOfMoscowDay } from '../domain/moscow-time';
import { HOUR_MS } from '../domain/time-units';
import { spanBounds } from './clock';
import {
  CELL_ENTRIES_LIMIT,
  POINTS_LIMIT,
  SPAN_SPECS,
  type PlaybackCells,
  type PlaybackData,
  type PlaybackPoints,
  type PlaybackScope,
  type PlaybackSpan,
} from './types';

/** Fine cells inside one municipality: its drill-down map is zoomed in. */
const MUNICIPALITY_RESOLUTION = 8;
/** ~1 m: more digits only lengthen the payload. */
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/** Gives each distinct cell an index, in order of first appearance. */
function cellIndexer() {
  const cells: string[] = [];
  const index = new Map<string, number>();
  const of = (h3: string) => {
    let i = index.get(h3);
    if (i === undefined) {
      i = cells.length;
      cells.push(h3);
      index.set(h3, i);
    }
    return i;
  };
  return { cells, of };
}

function packPoints(rows: PlaybackPointRows, mapFrom: Date, sampleEvery: number, of: (h3: string) => number) {
  const blocks: string[] = [];
  const blockIndex = new Map<string, number>();
  const map: PlaybackPoints = {
    kind: 'points',
    from: mapFrom.toISOString(),
    t: [],
    lon: [],
    lat: [],
    cell: [],
    block: [],
    blocks,
    sampleEvery,
  };
  for (const r of rows) {
    if (!blockIndex.has(r.block)) blockIndex.set(r.block, blocks.push(r.block) - 1);
    map.t.push(Math.round((r.at - mapFrom.getTime()) / 1000));
    map.lon.push(round5(r.lon));
    map.lat.push(round5(r.lat));
    map.cell.push(of(r.h3));
    map.block.push(blockIndex.get(r.block)!);
  }
  return map;
}

function packCells(
  rows: PlaybackCellRows,
  mapFrom: Date,
  hours: number,
  perHour: number,
  of: (h3: string) => number,
) {
  const map: PlaybackCells = {
    kind: 'cells',
    from: mapFrom.toISOString(),
    hourStart: [],
    cell: [],
    n: [],
    trimmed: false,
  };
  let row = 0;
  for (let h = 0; h < hours; h += 1) {
    map.hourStart.push(map.cell.length);
    const bucket = mapFrom.getTime() + h * HOUR_MS;
    let inHour = 0;
    for (; row < rows.length && rows[row]!.bucket === bucket; row += 1, inHour += 1) {
      map.cell.push(of(rows[row]!.h3));
      map.n.push(rows[row]!.n);
    }
    if (inHour >= perHour) map.trimmed = true;
  }
  map.hourStart.push(map.cell.length);
  return map;
}

/**
 * A whole replay in one payload: the counters' series (minutes for 24 hours, hours for 7 days) from Moscow
 * midnight before the start, the hourly backlog record, and the map: single complaints for 24 hours, hourly H3
 * counts for 7 days. Everything is read from the rollups except the 24-hour points, which are capped.
 */
export async function getPlayback(
  deps: { db: Db; locator: MunicipalityLocator },
  span: PlaybackSpan,
  scope: PlaybackScope,
  now: Date,
): Promise<PlaybackData> {
  const spec = SPAN_SPECS[span];
  const bounds = spanBounds(span, now.getTime());
  const [from, to] = [new Date(bounds.from), new Date(bounds.to)];
  const mapFrom = new Date(bounds.from - spec.trailMs);
  // "Today" at the first frame counts from that day's midnight, "last hour" from an hour before it (the trail
  // is at least an hour), and the map window's total sets the 24-hour sampling rate.
  const seriesFrom = new Date(Math.min(startOfMoscowDay(from).getTime(), mapFrom.getTime()));
  const backlogFrom = new Date(Math.floor(bounds.from / HOUR_MS) * HOUR_MS);
  const resolution = scope.municipality ? MUNICIPALITY_RESOLUTION : WALL_H3_RESOLUTION;

  const [series, backlog] = await Promise.all([
    getPlaybackSeries(deps.db, scope, { from: seriesFrom, to, stepMs: spec.stepMs as 60_000 | 3_600_000 }),
    getPlaybackBacklog(deps.db, scope, { from: backlogFrom, to }),
  ]);
  const { cells, of } = cellIndexer();
  let map: PlaybackPoints | PlaybackCells;
  if (span === '24h') {
    // The series already knows how many arrived in the map window: the sampling rate follows without a count.
    const skip = Math.round((mapFrom.getTime() - seriesFrom.getTime()) / spec.stepMs);
    const total = series.received.slice(skip).reduce((a, b) => a + b, 0);
    const sampleEvery = Math.max(1, Math.ceil(total / POINTS_LIMIT));
    const rows = await getPlaybackPoints(deps.db, scope, { from: mapFrom, to, sampleEvery });
    map = packPoints(rows, mapFrom, sampleEvery, of);
  } else {
    const hours = Math.round((bounds.to - mapFrom.getTime()) / HOUR_MS);
    const perHour = Math.max(1, Math.floor(CELL_ENTRIES_LIMIT / hours));
    let rows = await getPlaybackCells(deps.db, {
      from: mapFrom,
      to,
      resolution,
      block: scope.block,
      perHour,
    });
    if (scope.municipality) {
      // The H3 rollup has no municipality: a fine cell belongs to the municipality its centre lies in.
      const inside = new Map<string, boolean>();
      const isInside = (h3: string) => {
        let v = inside.get(h3);
        if (v === undefined) {
          const [lat, lon] = cellToLatLng(h3);
          v = deps.locator.locate(lon, lat) === scope.municipality;
          inside.set(h3, v);
        }
        return v;
      };
      rows = rows.filter((r) => isInside(r.h3));
    }
    map = packCells(rows, mapFrom, hours, perHour, of);
  }
  return {
    span,
    scope: { block: scope.block ?? null, municipality: scope.municipality ?? null },
    from: from.toISOString(),
    to: to.toISOString(),
    stepMs: spec.stepMs,
    asOf: now.toISOString(),
    series,
    backlog,
    resolution,
    cells,
    map,
  };
}
