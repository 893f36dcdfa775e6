/** A gazetteer place, as handed to callers. */
export interface PlaceHit {
  name: string;
  kind: string;
  oktmo: string;
  /** The okrug's official name («Городской округ Балашиха»). */
  municipality: string;
  lat: number;
  lon: number;
}

/**
 * `foreign`: the text names another region as where the writer is («Курская область», «г. Курск, ул. …»);
 * no Moscow Oblast place is given, `region` is that region's official name for the operator.
 * `found`: the text points at one okrug; `place` is the narrowest place named in it and `matched` the text
 * that named it. `ambiguous`: the names fit several okrugs (a name shared by several, or places in different
 * okrugs); `name` and `matched` list the names and texts involved, `candidates` every place still possible.
 */
export type PlaceMatch =
  | { kind: 'found'; place: PlaceHit; matched: string }
  | { kind: 'ambiguous'; name: string; matched: string; candidates: PlaceHit[] }
  | { kind: 'foreign'; region: string; matched: string }
  | { kind: 'none' };
