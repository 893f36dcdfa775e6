import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CredentialKind } from '../domain/access';

/**
 * Secrets are 256 random bits with a readable prefix (`cur_pat_…`) so a leaked one is recognised by secret
 * scanners and by people; only their SHA-256 is stored. A fast hash is right here: the secret has full entropy,
 * unlike a password, so there is nothing to brute-force.
 */
const PREFIX: Record<CredentialKind | 'link' | 'claim', string> = {
  session: 'cur_ses_',
  personal: 'cur_pat_',
  display: 'cur_dsp_',
  source: 'cur_src_',
  link: 'cur_lnk_',
  claim: 'cur_clm_',
};

export function newSecret(kind: keyof typeof PREFIX): string {
  return PREFIX[kind] + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time comparison of two strings of any length (the length itself is not secret here). */
export function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
