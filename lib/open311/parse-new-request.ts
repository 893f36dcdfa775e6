import { z } from 'zod';
import { zodFieldErrors } from '../domain/field-errors';
import { MAX_ADDRESS_CHARS, MAX_TEXT_CHARS } from '../domain/limits';
import { visibleText } from '../domain/safe-text';
import type { FieldError } from '../domain/field-errors';
import type { ReferenceCache } from '../reference/types';

const text = (max: number) =>
  z
    .string({ message: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .superRefine(visibleText);

// Form fields arrive as strings; a JSON client may send numbers.
const coordinate = z.union(
  [
    z.number().refine(Number.isFinite, 'must be a finite number'),
    z
      .string()
      .trim()
      .regex(/^-?\d{1,3}(\.\d+)?$/, 'must be a decimal number')
      .transform(Number),
  ],
  { message: 'must be a decimal number' },
);

const SCHEMA = z.object({
  service_code: text(64),
  lat: coordinate.optional(),
  long: coordinate.optional(),
  address_string: text(MAX_ADDRESS_CHARS).optional(),
  description: text(MAX_TEXT_CHARS),
  media_url: z
    .url({ protocol: /^https?$/, message: 'must be an http or https URL' })
    .max(2000, 'must be at most 2000 characters')
    .optional(),
  // A client's own id (or device_id + token) makes a retried POST idempotent.
  service_request_id: text(150).optional(),
  device_id: text(100).optional(),
  token: text(40).optional(),
});

export type NewRequest = z.infer<typeof SCHEMA>;

export type NewRequestParse = { ok: true; value: NewRequest } | { ok: false; errors: FieldError[] };

/**
 * The fields of a GeoReport POST that we keep. Contact fields (first_name, last_name, email, phone) are
 * accepted and dropped here: personal data is never stored. Empty form fields count as absent.
 */
export function parseNewRequest(fields: Record<string, unknown>, reference: ReferenceCache): NewRequestParse {
  const present = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== '' && v !== null && v !== undefined),
  );
  const parsed = SCHEMA.safeParse(present);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error, present) };
  const value = parsed.data;
  const errors: FieldError[] = [];
  if (!reference.categories.has(value.service_code))
    errors.push({ field: 'service_code', message: `unknown service_code "${value.service_code}"` });
  if ((value.lat === undefined) !== (value.long === undefined))
    errors.push({
      field: value.lat === undefined ? 'lat' : 'long',
      message: 'is required when the other coordinate is given',
    });
  else if (value.lat === undefined && value.address_string === undefined)
    errors.push({ field: 'address_string', message: 'is required when lat and long are not given' });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}
