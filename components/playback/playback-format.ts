import { formatDate, formatShortTime } from '@/components/ui/format';
import { HOUR_MS, MINUTE_MS } from '@/lib/domain/time-units';

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
