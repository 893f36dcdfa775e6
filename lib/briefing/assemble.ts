import type { MunicipalityInfo, ReferenceCache } from '../reference/types';
import type { FixedEventRow } from './get-briefing-fixed';
import { percentChange } from '../stats/week-over-week';
import type { FixedExample, MunicipalityWeek, Pair } from './types';

/** Fewest complaints in a week for a municipality's load per 10,000 residents to be ranked. */
export const BRIEFING_MIN_COUNT = 30;
export const LAGGING_LIMIT = 8;
export const IMPROVED_LIMIT = 5;
export const FIXED_EXAMPLE_LIMIT = 6;

const per10k = (n: number, population: number) => (population > 0 ? (n * 10_000) / population : 0);

/** Every municipality's week: load per capita, rank (at the minimum count), on-time share, overdue at the end. */
export function municipalityWeeks(
  municipalities: Iterable<MunicipalityInfo>,
  load: Map<string, Pair>,
  onTime: Map<string, number | null>,
  overdue: Map<string, number> | null,
): MunicipalityWeek[] {
  const rows: MunicipalityWeek[] = [...municipalities].map((m) => {
    const received = load.get(m.oktmo) ?? { current: 0, previous: 0 };
    return {
      oktmo: m.oktmo,
      name: m.shortName,
      population: m.population,
      received,
      per10k: {
        current: per10k(received.current, m.population),
        previous: per10k(received.previous, m.population),
      },
      rank: null,
      onTimeShare: onTime.get(m.oktmo) ?? null,
      overdueAtEnd: overdue ? (overdue.get(m.oktmo) ?? 0) : null,
    };
  });
  const ranked = rows
    .filter((r) => r.received.current >= BRIEFING_MIN_COUNT)
    .sort(
      (a, b) =>
        b.per10k.current - a.per10k.current ||
        b.received.current - a.received.current ||
        a.oktmo.localeCompare(b.oktmo),
    );
  ranked.forEach((r, i) => (r.rank = i + 1));
  const rest = rows
    .filter((r) => r.rank === null)
    .sort((a, b) => b.received.current - a.received.current || a.oktmo.localeCompare(b.oktmo));
  return [...ranked, ...rest];
}

/** The ranked ones with the highest load. */
export function laggingOf(rows: MunicipalityWeek[]): string[] {
  return rows
    .filter((r) => r.rank !== null)
    .slice(0, LAGGING_LIMIT)
    .map((r) => r.oktmo);
}

/** The largest relative fall of the load (the same as of the load per capita), both weeks at the minimum count. */
export function improvedOf(rows: MunicipalityWeek[]): string[] {
  return rows
    .filter((r) => r.received.current >= BRIEFING_MIN_COUNT && r.received.previous >= BRIEFING_MIN_COUNT)
    .map((r) => ({ r, change: (r.received.current - r.received.previous) / r.received.previous }))
    .filter((x) => x.change < 0)
    .sort((a, b) => a.change - b.change || a.r.oktmo.localeCompare(b.r.oktmo))
    .slice(0, IMPROVED_LIMIT)
    .map((x) => x.r.oktmo);
}

export function changePctOf(pair: Pair): number | null {
  return percentChange(pair.current, pair.previous);
}

/** RFC 2606 names and local hosts are never real photos: showing them would only draw broken images. */
const NOT_REAL_HOST = /(^|\.)(example\.(com|org|net)|test|invalid|localhost|local)$/i;

export function realPhotoUrl(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    if (NOT_REAL_HOST.test(parsed.hostname) || !parsed.hostname.includes('.')) return null;
    return parsed.toString();
  } catch {
    return null;
  }
}

/**
 * A handful of the week's fixes to show: one per block while there are blocks left (the newest of each), so the
 * slide is not six potholes; answers are shown whole, the complaint itself is not (it may name a resident).
 */
export function pickExamples(rows: FixedEventRow[], ref: ReferenceCache): FixedExample[] {
  const picked: FixedEventRow[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (picked.length >= FIXED_EXAMPLE_LIMIT) break;
    const block = r.blockCode ?? '';
    if (seen.has(block)) continue;
    seen.add(block);
    picked.push(r);
  }
  for (const r of rows) {
    if (picked.length >= FIXED_EXAMPLE_LIMIT) break;
    if (!picked.includes(r)) picked.push(r);
  }
  return picked.map((r) => ({
    complaintId: r.complaintId,
    at: r.at.toISOString(),
    blockName: r.blockCode ? (ref.blocks.get(r.blockCode)?.name ?? r.blockCode) : 'Без блока',
    categoryName: r.categoryCode
      ? (ref.categories.get(r.categoryCode)?.name ?? r.categoryCode)
      : 'Без категории',
    municipalityName: r.municipalityOktmo
      ? (ref.municipalities.get(r.municipalityOktmo)?.shortName ?? r.municipalityOktmo)
      : 'Место не указано',
    executorName: r.executorCode
      ? (ref.executors.get(r.executorCode)?.name ?? r.executorCode)
      : 'Исполнитель не назначен',
    answer: r.answer ?? '',
    photoCount: r.photoUrls.length,
    photoUrl: realPhotoUrl(r.photoUrls[0]),
    onTime: r.onTime,
  }));
}
