import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { sameSecret } from './secrets';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

/**
 * The time step whose TOTP of `base32Key` `code` is, or null: one period either side of `now` is allowed for a
 * phone's clock drift and the seconds it takes to type. Computed from the app's clock (not the library's
 * Date.now) so tests and a pinned clock agree. The caller keeps the step so the code is not accepted twice.
 */
export function totpStep(base32Key: string, code: string, now: Date): number | null {
  const typed = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(typed)) return null;
  let key: Uint8Array;
  try {
    key = decodeBase32IgnorePadding(base32Key);
  } catch {
    return null;
  }
  const counter = Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
  let matched: number | null = null;
  // Every window is computed (no early return) so the time taken says nothing about which one matched.
  for (const step of [counter - 1, counter, counter + 1]) {
    if (sameSecret(generateHOTP(key, BigInt(step), TOTP_DIGITS), typed)) matched = step;
  }
  return matched;
}
