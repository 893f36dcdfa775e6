import { formatDate, formatShortTime } from '@/components/ui/format';
import { HOUR_MS, MINUTE_MS } from '@/lib/domain/time-units';
import { withPlural } from '@/lib/i18n/format-ru';
import { SPAN_SPECS, type PlaybackSpan } from '@/lib/playback/types';

/** «5 мин/с», «3 ч/с»: how much replayed time passes in one real second. */
export function speedLabel(speed: number): string {
  const perSecond = speed * 1000;
  return perSecond >= HOUR_MS ? `${perSecond / HOUR_MS} ч/с` : `${perSecond / MINUTE_MS} мин/с`;
}

const SHORT_DATE = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  weekday: 'short',
  day: 'numeric',
  month: 'long',
});

/** «вс, 22 ноября»: the date under the replay's clock, short enough for the bar. */
export function formatShortDate(at: number): string {
  return SHORT_DATE.format(at);
}

/** «воскресенье, 22 ноября · 14:35 МСК». */
export function replayMomentLabel(at: number): string {
  return `${formatDate(at)} · ${formatShortTime(at)} МСК`;
}

/** «за 2 часа», «за 6 часов»: how far back the replay's glow reaches, for the map legends. */
export function trailLabel(span: PlaybackSpan): string {
  const hours = SPAN_SPECS[span].trailMs / HOUR_MS;
  return `за ${withPlural(hours, ['час', 'часа', 'часов'])}`;
}
