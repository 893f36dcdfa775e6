import { TZDate } from '@date-fns/tz';

export type SloppyDate =
  | { ok: true; at: Date; /** No offset was given: the configured zone was used. */ assumedZone: boolean }
  | {
      ok: false;
      /** A readable local time without an offset, and no zone to read it in. */ noOffset: boolean;
    };

// ISO 8601 as servers really write it: `T` or a space, optional seconds and fraction, `Z`, `+03`, `+0300`,
// `+03:00` or nothing; a bare date means its midnight.
const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

function offsetMinutes(zone: string): number {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
}

/** True when the fields name a real moment (no 31 February, no 25:00). */
function valid(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  const probe = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return (
    probe.getUTCFullYear() === y &&
    probe.getUTCMonth() === mo - 1 &&
    probe.getUTCDate() === d &&
    probe.getUTCHours() === h &&
    probe.getUTCMinutes() === mi &&
    probe.getUTCSeconds() === s
  );
}

const UNREADABLE: SloppyDate = { ok: false, noOffset: false };

/**
 * A date-time from another server's feed. Without an offset it is read in `zone` (an IANA zone the import was
 * configured with) and flagged; with no zone configured such a time is refused (`noOffset`): a guessed zone
 * would shift every time of the feed by hours without anyone noticing. Anything else unreadable is refused.
 */
export function parseSloppyDate(value: unknown, zone: string | undefined): SloppyDate {
  if (typeof value !== 'string') return UNREADABLE;
  const m = DATE_RE.exec(value.trim());
  if (!m) return UNREADABLE;
  const [y, mo, d, h, mi, s] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => Number(v ?? '0')) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const ms = Math.floor(Number(`0.${m[7] ?? '0'}`) * 1000);
  if (!valid(y, mo, d, h, mi, s)) return UNREADABLE;
  const offset = m[8];
  if (offset) {
    const minutes = offsetMinutes(offset);
    if (Math.abs(minutes) > 14 * 60) return UNREADABLE;
    return {
      ok: true,
      at: new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms) - minutes * 60_000),
      assumedZone: false,
    };
  }
  if (zone === undefined) return { ok: false, noOffset: true };
  const at = new Date(new TZDate(y, mo - 1, d, h, mi, s, ms, zone).getTime());
  return Number.isNaN(at.getTime()) ? UNREADABLE : { ok: true, at, assumedZone: true };
}

/** True for an IANA zone name this runtime knows (`Europe/Moscow`). */
export function isKnownZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
