/** Required by the licences of the geo data (public/geo/SOURCES.md): keep it on screen. */
export const GEO_ATTRIBUTION =
  '© участники OpenStreetMap (ODbL) · © OpenMapTiles · Natural Earth · GeoNames (CC BY 4.0) · HFLabs (CC BY-SA 4.0) · Росстат';

export function AttributionLine() {
  return (
    <p data-testid="attribution" className="wall-attribution">
      {GEO_ATTRIBUTION}
    </p>
  );
}
