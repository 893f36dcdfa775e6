'use client';

import { useRevocationWatch } from '@/lib/realtime/client/use-revocation-watch';

/** Mounted on the screens that poll: returns a revoked display to its pairing code at once. */
export function RevocationWatch() {
  useRevocationWatch();
  return null;
}
