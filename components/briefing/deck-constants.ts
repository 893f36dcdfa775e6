/** Seconds per slide the presenter can choose for auto-advance (also accepted as `&auto=` in the URL). */
export const AUTO_INTERVALS = [10, 15, 20, 30, 45, 60] as const;
export const DEFAULT_AUTO_INTERVAL = 20;

export function autoIntervalOf(value: unknown): number | null {
  const n = Number(value);
  return (AUTO_INTERVALS as readonly number[]).includes(n) ? n : null;
}
