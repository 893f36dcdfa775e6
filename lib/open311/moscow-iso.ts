import { TZDate } from '@date-fns/tz';
import { formatISO } from 'date-fns';
import { MOSCOW_TZ } from '../domain/moscow-time';

/** ISO 8601 in Moscow time with its offset (`2026-11-22T09:15:00+03:00`), as GeoReport wants a named offset. */
export function toMoscowIso(at: Date): string {
  return formatISO(new TZDate(at.getTime(), MOSCOW_TZ));
}
