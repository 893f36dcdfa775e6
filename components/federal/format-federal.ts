import { formatDurationRu } from '../../lib/i18n/format-ru';
import type { FederalRegionRow } from '../../lib/federal/types';

const SHORT_TIME = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
const SHORT_DATE = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: 'numeric',
  month: 'short',
});

/** When the center last sent data: «14:05» today, «21 нояб.» before, «нет» if never. */
export function formatLastData(at: string | null, now: number): string {
  if (!at) return 'нет';
  const t = new Date(at).getTime();
  return now - t < 20 * 3600_000 ? SHORT_TIME.format(t) : SHORT_DATE.format(t);
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
