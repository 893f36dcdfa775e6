import type { Incident } from '@/lib/incidents/types';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { formatShortTime } from '@/components/ui/format';

const NBSP = '\u00a0';
const HOUR_MS = 3_600_000;

/** «нет отопления» inside a line: category names start with a capital, but not acronyms like «ТКО». */
function inLine(name: string): string {
  const second = name[1];
  return second && second === second.toUpperCase() && second !== second.toLowerCase()
    ? name
    : name.charAt(0).toLowerCase() + name.slice(1);
}

/** «Краснознаменск · нет отопления». */
export function incidentHeadline(incident: Pick<Incident, 'place' | 'categoryName'>): string {
  return `${incident.place} · ${inLine(incident.categoryName)}`;
}

/** «обычно 0–1», «обычно 3». */
export function usualRange(incident: Pick<Incident, 'usualLow' | 'usualHigh'>): string {
  const { usualLow: low, usualHigh: high } = incident;
  return `обычно ${low === high ? formatCountRu(low) : `${formatCountRu(low)}–${formatCountRu(high)}`}`;
}

/**
 * «37 за 2 ч, обычно 0–1»: the complaints since the burst's first hour, over the hours it has run (counted up to
 * `now`, at least one), against the usual count of the same two hours of the week.
 */
export function incidentVolume(
  incident: Pick<Incident, 'complaints' | 'openedAt' | 'usualLow' | 'usualHigh' | 'closedAt'>,
  now: number,
): string {
  const until = incident.closedAt ? Date.parse(incident.closedAt) : now;
  const hours = Math.max(1, Math.ceil((until - Date.parse(incident.openedAt)) / HOUR_MS));
  return `${formatCountRu(incident.complaints)} за${NBSP}${hours}${NBSP}ч, ${usualRange(incident)}`;
}

export const INCIDENT_STATUS_RU: Record<Incident['status'], string> = {
  new: 'не принят',
  acknowledged: 'принят',
  in_work: 'в работе',
  closed: 'закрыт',
};

/** «принят · Иванов И. И., 03:12» — who answered the alarm and when; «не принят» before. */
export function incidentAnswer(
  incident: Pick<Incident, 'status' | 'acknowledgedBy' | 'acknowledgedAt'>,
): string {
  const status = INCIDENT_STATUS_RU[incident.status];
  if (incident.status === 'new' || !incident.acknowledgedBy || !incident.acknowledgedAt) return status;
  return `${status} · ${incident.acknowledgedBy}, ${formatShortTime(incident.acknowledgedAt)}`;
}
