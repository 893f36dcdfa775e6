import { z } from 'zod';

/** Query of `GET /api/v1/quality`; block and municipality codes are checked against the reference by the route. */
export const QUALITY_QUERY_SCHEMA = z.object({
  by: z
    .enum(['executor', 'municipality'], { message: 'must be "executor" or "municipality"' })
    .default('executor'),
  block: z.string().trim().min(1, 'must not be empty').optional(),
  municipality: z
    .string()
    .regex(/^\d{11}$/, 'must be an 11-digit OKTMO code')
    .optional(),
  days: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(1)
    .max(366)
    .default(30),
});
