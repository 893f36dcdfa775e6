import type { ComplaintStatus } from '../domain/statuses';

export type GeoReportStatus = 'open' | 'closed';

/** GeoReport has two statuses: a complaint put to the residents' vote still waits for a fix, so it is open. */
export const STATUSES_BY_GEOREPORT: Readonly<Record<GeoReportStatus, readonly ComplaintStatus[]>> = {
  open: ['new', 'routed', 'in_progress', 'reopened', 'on_vote'],
  closed: ['resolved', 'closed', 'rejected'],
};

export function georeportStatus(status: ComplaintStatus): GeoReportStatus {
  return STATUSES_BY_GEOREPORT.open.includes(status) ? 'open' : 'closed';
}
