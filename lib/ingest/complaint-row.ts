/** A complaint ready to store: validated, located, classified, with its deadlines. */
export interface ComplaintRow {
  /** HOME_REGION, or the region of the center that sent it (then no municipality, executor or problem). */
  regionCode: string;
  sourceCode: string;
  externalId: string;
  receivedAt: Date;
  text: string;
  lat: number | null;
  lon: number | null;
  address: string | null;
  municipalityOktmo: string | null;
  blockCode: string | null;
  categoryCode: string | null;
  dueAt: Date;
  veryLateAt: Date;
  h3Fine: string | null;
  h3Coarse: string | null;
  /** `routed` when the rules named an executor on intake; `new` waits in the operator queue. */
  status: 'new' | 'routed';
  executorCode: string | null;
  /** The routing rule that chose the executor. */
  ruleId: string | null;
  classSource: 'source' | 'classifier' | 'operator' | null;
  classConfidence: number | null;
  placeSource: 'coordinates' | 'text' | null;
  placeName: string | null;
  placeCandidates: string | null;
}
