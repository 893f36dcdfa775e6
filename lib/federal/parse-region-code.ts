/** ISO 3166-2 shape: country, hyphen, 2–3 letters or digits (RU-MOS, RU-AD, UA-43). */
const REGION_CODE = /^[A-Z]{2}-[A-Z0-9]{2,3}$/;

export type RegionCodeParse = { ok: true; code: string } | { ok: false; message: string };

/** A region code from a URL: upper-cased, and refused (with why) unless it has the ISO 3166-2 shape. */
export function parseRegionCode(raw: string): RegionCodeParse {
  const code = decodeURIComponent(raw).trim().toUpperCase();
  if (!REGION_CODE.test(code))
    return { ok: false, message: `"${raw}" is not an ISO 3166-2 region code such as RU-MOS or UA-43` };
  return { ok: true, code };
}
