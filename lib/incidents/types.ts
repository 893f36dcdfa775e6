import type { IncidentStatus } from '../../db/schema/incidents';

export { INCIDENT_STATUSES, type IncidentStatus } from '../../db/schema/incidents';

/** An incident as screens, the shift view and the briefing show it: names resolved, times as ISO strings. */
export interface Incident {
  id: number;
  block: string;
  category: string;
  categoryName: string;
  /** OKTMO of the municipality. */
  municipality: string;
  municipalityName: string;
  /** The town: «Краснознаменск». */
  place: string;
  lat: number | null;
  lon: number | null;
  /** Start of the burst's first clock hour. */
  openedAt: string;
  /** When the detector raised it. */
  detectedAt: string;
  /** The last clock hour the burst was still seen in. */
  lastAt: string;
  /** Complaints of the category in the municipality since openedAt. */
  complaints: number;
  /** The usual range for the same hours in previous weeks: «обычно 0–1». */
  usualLow: number;
  usualHigh: number;
  /** Short name of the responsible body, when known. */
  executor: string | null;
  status: IncidentStatus;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  closedAt: string | null;
}

/** The statuses an operator may set, and from which: the alarm stops at the first. */
export const INCIDENT_MOVES: Readonly<Record<Exclude<IncidentStatus, 'new'>, readonly IncidentStatus[]>> = {
  acknowledged: ['new'],
  in_work: ['new', 'acknowledged'],
  closed: ['new', 'acknowledged', 'in_work'],
};

/** Whether the incident still sounds the alarm: nobody has answered it yet. */
export const isAlarming = (incident: Pick<Incident, 'status'>): boolean => incident.status === 'new';
