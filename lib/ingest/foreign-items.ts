import { can, type Actor } from '../domain/access';
import type { FieldError } from '../domain/field-errors';
import { HOME_REGION } from '../domain/home-region';

/**
 * Items the actor may not post: a source key speaks for its own channel (and region) only. Named by field, so
 * an integration that mixes channels in one batch learns which items to send with which key.
 */
export function foreignItems(actor: Actor, items: readonly unknown[], batched: boolean): FieldError[] {
  return items.flatMap((raw, i) => {
    const item = (raw !== null && typeof raw === 'object' ? raw : {}) as {
      source?: unknown;
      region?: unknown;
    };
    const source = typeof item.source === 'string' ? item.source.trim() : '';
    const region = typeof item.region === 'string' ? item.region.trim() : HOME_REGION;
    const decision = can(actor, 'complaint:create', { source, region });
    if (decision.ok) return [];
    return [{ field: `${batched ? `complaints[${i}].` : ''}source`, message: decision.reason }];
  });
}
