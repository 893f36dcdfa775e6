import { formatDurationRu } from '../../lib/i18n/format-ru';
import type { FederalRegionRow } from '../../lib/federal/types';

const DATE_TIME = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: '2-digit',
  month: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * When the center last sent data, always with its date: «06.12 23:33» (Moscow time), «нет» if never. A bare
 * «23:33» read after midnight would pass yesterday's data for today's.
 */
export function formatLastData(at: string | null): string {
  if (!at) return 'нет';
  const parts = Object.fromEntries(DATE_TIME.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${parts.day}.${parts.month} ${parts.hour}:${parts.minute}`;
}

/** «молчит 35 мин» for a silent center, «на связи» for a live one. */
export function liveText(row: Pick<FederalRegionRow, 'live' | 'lastDataAt'>, now: number): string {
  if (row.live) return 'на связи';
  if (!row.lastDataAt) return 'данных не было';
  return `молчит ${formatDurationRu(now - new Date(row.lastDataAt).getTime())}`;
}

/**
 * The table's order: the worst overdue share first (regions with a backlog), then the rest by today's volume;
 * the coordinator reads the top rows as "who needs a call".
 */
export function rankRegions(rows: readonly FederalRegionRow[]): FederalRegionRow[] {
  return [...rows].sort(
    (a, b) =>
      (b.overdueShare ?? -1) - (a.overdueShare ?? -1) ||
      b.today - a.today ||
      a.name.localeCompare(b.name, 'ru'),
  );
}

/** A region's name short enough for a table row or a map label: «Брянская обл.», «Респ. Алтай», «Якутия». */
export function displayName(shortName: string): string {
  return shortName
    .replace(/ область$/u, ' обл.')
    .replace(/^Республика /u, 'Респ. ')
    .replace(/ автономный округ$/u, ' АО')
    .replace(/ автономная область$/u, ' АО');
}
