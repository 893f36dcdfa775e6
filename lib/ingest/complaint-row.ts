import type { NewComplaint } from '../../db/schema/complaints';

/** The columns intake writes; every one is given (null where empty), none is left to its column default. */
type WrittenColumns =
  | 'regionCode'
  | 'sourceCode'
  | 'externalId'
  | 'receivedAt'
  | 'text'
  | 'lat'
  | 'lon'
  | 'address'
  | 'municipalityOktmo'
  | 'blockCode'
  | 'categoryCode'
  | 'dueAt'
  | 'veryLateAt'
  | 'h3Fine'
  | 'h3Coarse'
  | 'executorCode'
  | 'classSource'
  | 'classConfidence'
  | 'placeName'
  | 'placeCandidates'
  | 'possiblyForeignRegion';

/**
 * A complaint ready to store: validated, located, classified, with its deadlines. Derived from the complaints
 * table, so a column's change of type shows up here and in everything that builds a row.
 * `regionCode` is HOME_REGION, or the region of the center that sent it (then no municipality, executor or
 * problem).
 */
export type ComplaintRow = Required<Pick<NewComplaint, WrittenColumns>> & {
  /** `routed` when the rules named an executor on intake; `new` waits in the operator queue. */
  status: Extract<NewComplaint['status'], 'new' | 'routed'>;
  /** Intake places by coordinates or by a place name in the text; only an operator places otherwise. */
  placeSource: Extract<NewComplaint['placeSource'], 'coordinates' | 'text'> | null;
  /** The routing rule that chose the executor (recorded with the `routed` event, not a column). */
  ruleId: string | null;
};
