import type { Actor } from '../domain/access';
import { displayPath } from './display-grant';

/** Where an identity lands after signing in (or pairing): the first page its role may see. */
export function homePath(actor: Actor): string {
  switch (actor.kind) {
    case 'display':
      return displayPath(actor.screen);
    case 'user':
      switch (actor.role) {
        case 'admin':
          return '/admin';
        case 'operator':
          return '/triage';
        case 'analyst':
          return '/briefing';
        case 'block_lead':
          return `/wall/${encodeURIComponent(actor.scopes.blocks[0] ?? '')}`;
        case 'municipal':
          return `/m/${encodeURIComponent(actor.scopes.municipalities[0] ?? '')}`;
        case 'executor':
          return '/my';
      }
      break;
    default:
      return '/login';
  }
}

/** A `next` parameter is followed only to a path of this site: never `//evil.example` or `https://…`. */
export function safeNextPath(next: string | null | undefined): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return null;
  if (next.length > 500 || [...next].some((c) => c.charCodeAt(0) < 0x20 || c === '\\')) return null;
  return next;
}
