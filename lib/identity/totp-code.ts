import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { generateHOTP } from '@oslojs/otp';
import { sameSecret } from './secrets';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;

/**
 * Whether `code` is the TOTP of `base32Key` at `now`, one period either side allowed for a phone's clock drift
 * and the seconds it takes to type. Computed from the app's clock (not the library's Date.now) so tests and a
 * pinned clock agree.
 */
export function totpCodeMatches(base32Key: string, code: string, now: Date): boolean {
  const typed = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(typed)) return false;
  let key: Uint8Array;
  try {
    key = decodeBase32IgnorePadding(base32Key);
  } catch {
    return false;
  }
  const counter = BigInt(Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS));
  let matched = false;
  // Every window is computed (no early return) so the time taken says nothing about which one matched.
  for (const step of [-1n, 0n, 1n]) {
    if (sameSecret(generateHOTP(key, counter + step, TOTP_DIGITS), typed)) matched = true;
  }
  return matched;
}
