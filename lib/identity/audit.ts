import type { Db, Tx } from '../../db/client';
import { auditLog } from '../../db/schema';
import { actorRef, type Actor } from '../domain/access';

export interface AuditEntry {
  actor: Actor;
  action: AuditAction;
  target?: string | null;
  outcome?: 'ok' | 'denied' | 'failed';
  address?: string | null;
  /** Never a secret, a password or a resident's text: names, codes, counts. */
  detail?: Record<string, unknown>;
}

/** Everything the audit log records, in one list so the admin page can name each. */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'first_admin_created',
  'user_created',
  'user_updated',
  'password_set',
  'totp_enabled',
  'totp_disabled',
  'session_revoked',
  'token_issued',
  'token_revoked',
  'source_key_issued',
  'source_key_revoked',
  'display_pairing_requested',
  'display_paired',
  'display_revoked',
  'display_changed',
  'display_link_issued',
  'screens_reloaded',
  'webhook_set',
  'webhook_deleted',
  'webhook_retried',
  'import_run',
  'open311_services_read',
  'open311_mapping_confirmed',
  'export_pdf',
  'incident_acknowledged',
  'incident_in_work',
  'incident_closed',
  'classifier_retrained',
  'classifier_rolled_back',
  'classifier_examples_imported',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

function labelOf(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return actor.name;
    case 'display':
      return actor.name;
    case 'source':
      return actor.label;
    case 'system':
      return actor.name;
    case 'anonymous':
      return 'аноним';
  }
}

/** Appends one entry (the table refuses changes to it); inside the caller's transaction when given one. */
export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actor: actorRef(entry.actor),
    actorLabel: labelOf(entry.actor),
    action: entry.action,
    target: entry.target ?? null,
    outcome: entry.outcome ?? 'ok',
    address: entry.address ?? null,
    detail: entry.detail ?? {},
  });
}
