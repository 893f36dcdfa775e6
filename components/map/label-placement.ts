/**
 * Greedy label decluttering for a map that never pans: project once per fit, keep the biggest towns first and
 * drop any label whose box would touch one already kept. Overlapping names are unreadable from 5 m.
 */

export interface PlaceableLabel {
  position: [number, number];
  text: string;
  population: number;
}

/** DejaVu Sans semibold: average glyph advance as a share of the font size (Cyrillic is wide). */
const GLYPH_WIDTH_EM = 0.64;
const LINE_HEIGHT_EM = 1.15;
const GAP_PX = 6;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where a centred label lies on screen, with its gap: what the base map's town names keep clear of. */
export function labelBox(
  label: PlaceableLabel,
  project: (lonLat: [number, number]) => { x: number; y: number },
  size: number,
): Box {
  const { x, y } = project(label.position);
  const halfW = (label.text.length * size * GLYPH_WIDTH_EM) / 2 + GAP_PX;
  const halfH = (size * LINE_HEIGHT_EM) / 2 + GAP_PX / 2;
  return { left: x - halfW, right: x + halfW, top: y - halfH, bottom: y + halfH };
}

export function placeLabels<T extends PlaceableLabel>(
  labels: T[],
  project: (lonLat: [number, number]) => { x: number; y: number },
  sizeOf: (label: T) => number,
): T[] {
  const kept: T[] = [];
  const boxes: Box[] = [];
  const byPriority = [...labels].sort((a, b) => b.population - a.population);
  for (const label of byPriority) {
    const box = labelBox(label, project, sizeOf(label));
    if (
      boxes.some((b) => b.left < box.right && box.left < b.right && b.top < box.bottom && box.top < b.bottom)
    )
      continue;
    boxes.push(box);
    kept.push(label);
  }
  return kept;
}
