const UNIT_SECONDS: Record<string, number> = { s: 1, sec: 1, min: 60, m: 60, h: 3600, hour: 3600 };

/** The live simulator's highest supported rate: one tick of 250 ms then carries ~1,250 complaints. */
export const MAX_RATE_PER_SECOND = 5000;

/**
 * Parses `N/s`, `N/min` or `N/h` (N may be a decimal) into complaints per second.
 * Rejects zero, negatives, unknown units and rates above 5000/s with a message that names the input.
 */
export function parseRate(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*\/\s*([a-z]+)\s*$/i.exec(text);
  const unit = match?.[2]?.toLowerCase();
  const seconds = unit === undefined ? undefined : UNIT_SECONDS[unit];
  if (!match || seconds === undefined) {
    throw new Error(`Invalid simulator rate "${text}": expected N/s, N/min or N/h, e.g. 30/min`);
  }
  const perSecond = Number(match[1]) / seconds;
  if (!(perSecond > 0)) throw new Error(`Invalid simulator rate "${text}": must be greater than zero`);
  if (perSecond > MAX_RATE_PER_SECOND) {
    throw new Error(`Invalid simulator rate "${text}": at most ${MAX_RATE_PER_SECOND}/s is supported`);
  }
  return perSecond;
}
