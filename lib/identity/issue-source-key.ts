import type { Db } from '../../db/client';
import { actorRef, type Actor } from '../domain/access';
import type { FieldError } from '../domain/field-errors';
import { isBlankText, textFault } from '../domain/safe-text';
import type { ReferenceCache } from '../reference/types';
import { regionDirectory } from '../federal/region-directory';
import { recordAudit } from './audit';
import { issueCredential } from './issue-credential';

export interface SourceKeyRequest {
  source: string;
  /** ISO 3166-2 code of a federal subject (`RU-MOS`, GET /api/v1/regions): the key speaks for that region only. */
  region?: string | null;
  /** Who holds the key («Добродел: шлюз»), so a leaked or idle key can be traced to its owner. */
  label: string;
}

export type IssueSourceKeyResult =
  | { ok: true; id: number; source: string; region: string | null; label: string; key: string }
  | { ok: false; status: 400; errors: FieldError[] };

function problemsOf(request: SourceKeyRequest, reference: ReferenceCache): FieldError[] {
  const problems: FieldError[] = [];
  if (!reference.sources.has(request.source)) {
    const known = [...reference.sources.keys()].join(', ');
    problems.push({ field: 'source', message: `unknown source; known: ${known}` });
  }
  if (request.region != null && !regionDirectory().has(request.region))
    problems.push({
      field: 'region',
      message: 'must be an ISO 3166-2 region code such as RU-MOS (GET /api/v1/regions lists all 85)',
    });
  const fault = textFault(request.label);
  if (fault) problems.push({ field: 'label', message: fault });
  else if (isBlankText(request.label) || request.label.trim().length > 200)
    problems.push({ field: 'label', message: 'must be 1–200 characters' });
  return problems;
}

/** A new key for one source (and optionally one region); the key itself is in the answer once, never stored. */
export async function issueSourceKey(
  db: Db,
  reference: ReferenceCache,
  by: Actor,
  request: SourceKeyRequest,
  address: string | null = null,
): Promise<IssueSourceKeyResult> {
  const errors = problemsOf(request, reference);
  if (errors.length > 0) return { ok: false, status: 400, errors };
  const region = request.region ?? null;
  const label = request.label.trim();
  return db.transaction(async (tx) => {
    const { id, secret } = await issueCredential(tx, {
      kind: 'source',
      label,
      createdBy: actorRef(by),
      sourceCode: request.source,
      regionCode: region,
    });
    await recordAudit(tx, {
      actor: by,
      action: 'source_key_issued',
      target: `source:${request.source}`,
      address,
      detail: { keyId: id, source: request.source, region, label },
    });
    return { ok: true as const, id, source: request.source, region, label, key: secret };
  });
}
