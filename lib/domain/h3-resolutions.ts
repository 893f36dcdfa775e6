/** Coarse H3 resolution used by the region wall (≈ 36 km² hexagons). */
export const WALL_H3_RESOLUTION = 6;
/** Fine cells for drill-down maps; the coarse wall cell is derived from it so both always nest. */
export const FINE_H3_RESOLUTION = 8;
