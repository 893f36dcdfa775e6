'use client';

let leaving = false;

/**
 * The live feed's credential is gone (revoked, expired, a display unpaired): reload through /pair, which shows
 * a pairing code on a wall screen, and sends a signed-in person on (or offers the sign-in form). Once: the
 * revocation notice and the disconnect that follows must not navigate twice.
 */
export function returnToPairing(): void {
  if (leaving) return;
  leaving = true;
  const here = `${window.location.pathname}${window.location.search}`;
  window.location.assign(`/pair?next=${encodeURIComponent(here)}`);
}

/** The display was given another screen: /pair sends a paired display straight to its current one. */
export function reloadThroughPairing(): void {
  if (leaving) return;
  leaving = true;
  window.location.assign('/pair');
}

/**
 * An admin asked every screen to reload (after a deploy, a layout change): the same page again, at a random
 * moment within a few seconds, so a wall of screens does not ask every node for its first page at once.
 */
export function reloadPage(): void {
  if (leaving) return;
  leaving = true;
  setTimeout(() => window.location.reload(), Math.random() * 3000);
}
