import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { credentials, displays } from '../../db/schema';
import type { FieldError } from '../domain/field-errors';
import { screenProblem } from './display-screen';
import type { Revocations } from './revocations';

export interface DisplayChanges {
  name?: string;
  /** A screen id of the wall layout, or 'grid'. */
  screen?: string;
}

export type ChangeDisplayResult =
  | { ok: true; displayId: number; name: string | null; screen: string | null; moved: boolean }
  | { ok: false; status: 400 | 404; errors: FieldError[] };

/**
 * Renames a paired display or gives it another screen of the wall, without anyone walking to it: what a display
 * may read follows its screen at every request, and its open pages are told to reload (`session:changed`), which
 * brings them to the new screen through /pair.
 */
export async function changeDisplay(
  db: Db,
  revocations: Revocations,
  displayId: number,
  changes: DisplayChanges,
): Promise<ChangeDisplayResult> {
  const errors: FieldError[] = [];
  const name = changes.name?.trim();
  if (name !== undefined && (name.length === 0 || name.length > 100))
    errors.push({ field: 'name', message: 'must be 1–100 characters' });
  const problem = changes.screen === undefined ? null : screenProblem(changes.screen);
  if (problem) errors.push({ field: 'screen', message: problem });
  if (name === undefined && changes.screen === undefined)
    errors.push({ field: 'body', message: 'give a name, a screen or both' });
  if (errors.length > 0) return { ok: false, status: 400, errors };

  const live = and(eq(displays.id, displayId), isNull(displays.revokedAt), isNotNull(displays.pairedAt));
  const [before] = await db.select({ screen: displays.screen }).from(displays).where(live).limit(1);
  if (!before)
    return { ok: false, status: 404, errors: [{ field: 'id', message: 'no such paired display' }] };
  const [row] = await db
    .update(displays)
    .set({
      ...(name !== undefined ? { name } : {}),
      ...(changes.screen !== undefined ? { screen: changes.screen } : {}),
    })
    .where(live)
    .returning({ id: displays.id, name: displays.name, screen: displays.screen });
  if (!row) return { ok: false, status: 404, errors: [{ field: 'id', message: 'no such paired display' }] };
  const moved = row.screen !== before.screen;
  if (moved) {
    const held = await db
      .select({ id: credentials.id })
      .from(credentials)
      .where(and(eq(credentials.displayId, displayId), isNull(credentials.revokedAt)));
    revocations.announceChange(held.map((c) => c.id));
  }
  return { ok: true, displayId: row.id, name: row.name, screen: row.screen, moved };
}
