import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { displays } from '../../db/schema';
import type { FieldError } from '../domain/field-errors';
import { screenProblem } from './display-screen';
import { normalizePairingCode, pairingCodeHash } from './pairing-code';

export interface PairingApproval {
  /** As the admin typed it: case, spaces, hyphens and Cyrillic look-alikes do not matter. */
  code: string;
  name: string;
  /** A screen id of the wall layout, or 'grid' for the whole wall on one display. */
  screen: string;
  approvedBy: string;
}

export type ApprovalResult =
  | { ok: true; displayId: number; name: string; screen: string }
  | { ok: false; status: 400 | 404; errors: FieldError[] };

/**
 * An admin claims a waiting screen by its code and says what it shows. One UPDATE with the conditions in its
 * WHERE: a code approves once, and an expired one not at all. The code is cleared, the screen collects its
 * credential on its next poll.
 */
export async function approvePairing(db: Db, approval: PairingApproval, now: Date): Promise<ApprovalResult> {
  const errors: FieldError[] = [];
  const code = normalizePairingCode(approval.code);
  if (!code) errors.push({ field: 'code', message: 'six characters as on the screen, e.g. ABC-234' });
  const name = approval.name.trim();
  if (name.length === 0 || name.length > 100)
    errors.push({ field: 'name', message: 'must be 1–100 characters' });
  const problem = screenProblem(approval.screen);
  if (problem) errors.push({ field: 'screen', message: problem });
  if (errors.length > 0 || !code) return { ok: false, status: 400, errors };

  const [row] = await db
    .update(displays)
    .set({
      approvedAt: now,
      approvedBy: approval.approvedBy,
      name,
      screen: approval.screen,
      pairingCodeHash: null,
    })
    .where(
      and(
        eq(displays.pairingCodeHash, pairingCodeHash(code)),
        isNull(displays.approvedAt),
        gt(displays.pairingExpiresAt, now),
      ),
    )
    .returning({ id: displays.id });
  if (!row)
    return {
      ok: false,
      status: 404,
      errors: [
        { field: 'code', message: 'no screen is waiting with this code (expired? ask it for a new one)' },
      ],
    };
  return { ok: true, displayId: row.id, name, screen: approval.screen };
}
