import type { FieldError } from '../domain/field-errors';
import { HOME_REGION } from '../domain/home-region';

/**
 * The refusal of a home-region operation (classification into our categories with routing to our executors,
 * re-routing) on a complaint another region's center relayed: that center runs its lifecycle, we only count it.
 */
export function foreignRefusal(
  regionCode: string,
  field: string,
): { status: 'rejected'; code: 'illegal'; errors: FieldError[] } | null {
  if (regionCode === HOME_REGION) return null;
  return {
    status: 'rejected',
    code: 'illegal',
    errors: [
      {
        field,
        message: `the complaint belongs to the center of region ${regionCode}: it is not classified or routed to ${HOME_REGION} executors here; that center moves it through its lifecycle`,
      },
    ],
  };
}
