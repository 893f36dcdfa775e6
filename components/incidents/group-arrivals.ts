import type { Incident, RecentComplaint } from '@/lib/realtime/contract';

export type TickerRow =
  | { kind: 'incident'; key: string; incident: Incident; latestAt: string; arrivals: number }
  | {
      kind: 'arrivals';
      key: string;
      category: string;
      municipality: string | null;
      latestAt: string;
      count: number;
    };

const keyOf = (municipality: string | null, category: string) => `${municipality ?? ''}|${category}`;

/**
 * The ticker's rows: arrivals of a live incident's place and category fold into that incident's row (one line
 * for the 37 heating complaints of Краснознаменск, not 37 lines), and repeats of the same place and category
 * fold together. Rows keep the order of their newest arrival. Linear in the arrivals.
 */
export function groupArrivals(
  recent: readonly RecentComplaint[],
  incidents: readonly Incident[],
  limit: number,
): TickerRow[] {
  const incidentByKey = new Map(
    incidents.filter((i) => i.status !== 'closed').map((i) => [keyOf(i.municipality, i.category), i]),
  );
  const rows = new Map<string, TickerRow>();
  for (const arrival of recent) {
    const key = keyOf(arrival.municipality, arrival.category);
    const row = rows.get(key);
    if (row) {
      if (row.kind === 'incident') row.arrivals += 1;
      else row.count += 1;
      continue;
    }
    if (rows.size >= limit) continue;
    const incident = incidentByKey.get(key);
    rows.set(
      key,
      incident
        ? { kind: 'incident', key: `i${incident.id}`, incident, latestAt: arrival.receivedAt, arrivals: 1 }
        : {
            kind: 'arrivals',
            key: `a${arrival.id}`,
            category: arrival.category,
            municipality: arrival.municipality,
            latestAt: arrival.receivedAt,
            count: 1,
          },
    );
  }
  return [...rows.values()];
}

/** The arrivals that belong to no live incident: a ticker beside the «Внимание» list need not repeat them. */
export function outsideIncidents<T extends Pick<RecentComplaint, 'municipality' | 'category'>>(
  recent: readonly T[],
  incidents: readonly Incident[] | null,
): T[] {
  const live = new Set(
    (incidents ?? []).filter((i) => i.status !== 'closed').map((i) => keyOf(i.municipality, i.category)),
  );
  return recent.filter((r) => !live.has(keyOf(r.municipality, r.category)));
}
