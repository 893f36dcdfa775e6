/** Public shapes of the intake write path (see lib/ingest/record-complaints.ts). */
import type { FieldError } from '../domain/field-errors';

/** One item of `POST /api/v1/complaints`, after validation. */
export interface ComplaintInput {
  source: string;
  externalId: string;
  /** ISO 8601 with an explicit offset, e.g. `2026-11-22T09:15:00+03:00`. */
  receivedAt: string;
  text: string;
  lat?: number;
  lon?: number;
  address?: string;
  category?: string;
  block?: string;
  /** ISO 3166-2 code of the sending center's region; HOME_REGION when absent. */
  region?: string;
}

export type IngestStatus = 'created' | 'duplicate' | 'rejected';

export interface IngestItemResult {
  externalId: string | null;
  status: IngestStatus;
  id?: number;
  /** created: `routed` when the rules named an executor on intake, `new` when it waits in the operator queue. */
  complaintStatus?: 'new' | 'routed';
  /** created and routed: the executor's code. */
  executor?: string;
  errors?: FieldError[];
}
