import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Incident } from '@/lib/incidents/types';
import { BREACH_RGB, type Rgb } from '@/components/ui/status-colors';
import { LABEL_LETTERING } from '@/components/map/wall-layers';
import { incidentHeadline } from './format-incident';

/** Sizes for a 1080 px tall screen, multiplied by `scale` (= height / 1080). */
const RING_MIN_PX = 22;
const RING_MAX_PX = 56;
const RING_WIDTH_PX = 5;
/** Complaints at which a ring reaches its largest size: beyond it a ring would hide the town. */
const RING_FULL_AT = 100;
const LABEL_PX = 22;
const LABEL_OFFSET_PX = 14;
/** A label wraps at this many times its size (≈ 350 px at 1080p): a long category stays beside its ring. */
const LABEL_MAX_WIDTH = 16;
/** Answered incidents stay on the map, in a quieter white ring: still open, no longer alarming. */
const ANSWERED_RGB: Rgb = [226, 232, 240];
const LABEL_BACKGROUND: [number, number, number, number] = [5, 7, 12, 215];
/**
 * Labels drawn at most: a storm raises a dozen incidents at once and a dozen plates over one region cover each
 * other and the map. The rest keep their rings; «Внимание» and the alarm band name them all.
 */
const MAX_LABELS = 3;

interface Located extends Incident {
  lat: number;
  lon: number;
}

const located = (incidents: readonly Incident[]): Located[] =>
  incidents.filter((i): i is Located => i.lat !== null && i.lon !== null && i.status !== 'closed');

/** The incidents that get a plate: unanswered before answered, then the most complaints, then the newest. */
export function labelledIncidents(incidents: readonly Incident[]): Located[] {
  return located(incidents)
    .sort(
      (a, b) =>
        Number(b.status === 'new') - Number(a.status === 'new') ||
        b.complaints - a.complaints ||
        b.detectedAt.localeCompare(a.detectedAt),
    )
    .slice(0, MAX_LABELS);
}

/** A ring's radius grows with the square root of its complaints, as an area should. */
export function ringRadiusPx(complaints: number): number {
  const share = Math.min(1, Math.sqrt(Math.max(0, complaints) / RING_FULL_AT));
  return RING_MIN_PX + share * (RING_MAX_PX - RING_MIN_PX);
}

const colourOf = (incident: Incident): Rgb => (incident.status === 'new' ? BREACH_RGB : ANSWERED_RGB);

/** Rings at the incidents' places: red while nobody answered, white once answered. */
export function incidentRingsLayer(incidents: readonly Incident[], scale: number) {
  return new ScatterplotLayer<Located>({
    id: 'incident-rings',
    data: located(incidents),
    getPosition: (i) => [i.lon, i.lat],
    getRadius: (i) => ringRadiusPx(i.complaints),
    radiusUnits: 'pixels',
    radiusScale: scale,
    stroked: true,
    filled: true,
    getFillColor: (i) => [...colourOf(i), 40],
    getLineColor: (i) => [...colourOf(i), 255],
    getLineWidth: RING_WIDTH_PX,
    lineWidthUnits: 'pixels',
    lineWidthScale: scale,
    updateTriggers: { getFillColor: incidents, getLineColor: incidents },
  });
}

/**
 * «Коломна · нет отопления» beside the rings of labelledIncidents, on a dark plate. Labels of the western half open to the right and
 * those of the eastern half to the left (`centerLon`), so a label at the edge runs into the map, not off it.
 */
export function incidentLabelsLayer(incidents: readonly Incident[], scale: number, centerLon: number) {
  const east = (i: Located) => i.lon > centerLon;
  return new TextLayer<Located>({
    id: 'incident-labels',
    data: labelledIncidents(incidents),
    getPosition: (i) => [i.lon, i.lat],
    getText: (i) => incidentHeadline(i),
    getSize: LABEL_PX,
    sizeScale: scale,
    ...LABEL_LETTERING,
    fontWeight: 700,
    getColor: (i) => [...colourOf(i), 255],
    outlineWidth: 3,
    background: true,
    getBackgroundColor: LABEL_BACKGROUND,
    backgroundPadding: [8, 4],
    getTextAnchor: (i) => (east(i) ? 'end' : 'start'),
    getAlignmentBaseline: 'center',
    maxWidth: LABEL_MAX_WIDTH,
    wordBreak: 'break-word',
    getPixelOffset: (i) => [(east(i) ? -1 : 1) * (ringRadiusPx(i.complaints) + LABEL_OFFSET_PX) * scale, 0],
    updateTriggers: { getColor: incidents, getTextAnchor: centerLon, getPixelOffset: [centerLon, scale] },
  });
}
