import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): about 10 ms per hash on the
 * reference machine, memory-hard so a stolen table is slow to attack on GPUs.
 */
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

/** False for a wrong password or a malformed stored hash; never throws on input. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/**
 * A fixed hash to verify against when the login does not exist, so a missing account costs the same time as a
 * wrong password and logins cannot be enumerated by timing.
 */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword('decoy-password-never-valid');
  return decoy;
}

/** Why a new password is refused, or null. */
export function passwordProblem(password: string, login: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  if (password.toLowerCase().includes(login.toLowerCase())) return 'must not contain the login';
  if (new Set(password).size < 4) return 'is too repetitive';
  return null;
}
