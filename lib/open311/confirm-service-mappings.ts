import { and, eq, inArray } from 'drizzle-orm';
import { open311ServiceMappings } from '../../db/schema';
import type { AppContext } from '../context';
import { actorRef, type Actor } from '../domain/access';
import type { FieldError } from '../domain/field-errors';
import { recordAudit } from '../identity/audit';
import { listServiceMappings, type ServiceMapping } from './list-service-mappings';

/** An admin's decision on one service: our category for it, or null to leave its requests to the classifier. */
export interface ServiceDecision {
  serviceCode: string;
  categoryCode: string | null;
}

export type DecisionOutcome = { ok: true; services: ServiceMapping[] } | { ok: false; errors: FieldError[] };

/**
 * Confirms (or sets aside) the categories of a server's services, all or none: every service must have been
 * read from that server's list and every category must be ours. Audited with the admin's name.
 */
export async function confirmServiceMappings(
  ctx: AppContext,
  actor: Actor,
  sourceHost: string,
  decisions: ServiceDecision[],
  address: string | null,
): Promise<DecisionOutcome> {
  const t = open311ServiceMappings;
  const codes = decisions.map((d) => d.serviceCode);
  const known = new Set(
    (
      await ctx.db
        .select({ code: t.serviceCode })
        .from(t)
        .where(and(eq(t.sourceHost, sourceHost), inArray(t.serviceCode, codes)))
    ).map((r) => r.code),
  );
  const errors: FieldError[] = [];
  decisions.forEach((d, i) => {
    if (!known.has(d.serviceCode))
      errors.push({
        field: `mappings[${i}].serviceCode`,
        message: `"${d.serviceCode}" is not a service read from ${sourceHost}: read its services list first`,
      });
    if (d.categoryCode !== null && !ctx.reference.categories.has(d.categoryCode))
      errors.push({
        field: `mappings[${i}].categoryCode`,
        message: `unknown category code "${d.categoryCode}"`,
      });
  });
  if (errors.length > 0) return { ok: false, errors };

  const at = ctx.now();
  const by = actorRef(actor);
  await ctx.db.transaction(async (tx) => {
    for (const d of decisions) {
      await tx
        .update(t)
        .set({
          state: d.categoryCode === null ? 'ignored' : 'confirmed',
          categoryCode: d.categoryCode,
          confirmedBy: by,
          confirmedAt: at,
        })
        .where(and(eq(t.sourceHost, sourceHost), eq(t.serviceCode, d.serviceCode)));
    }
    await recordAudit(tx, {
      actor,
      action: 'open311_mapping_confirmed',
      target: `open311:${sourceHost}`,
      address,
      detail: { services: decisions.length },
    });
  });
  return { ok: true, services: await listServiceMappings(ctx.db, sourceHost) };
}
