import { z } from 'zod';

/** Query of `GET /api/v1/triage`. */
export const TRIAGE_QUERY_SCHEMA = z.object({
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(1)
    .max(500)
    .default(50),
  after: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .positive()
    .optional()
    .meta({ description: 'Continue after this complaint id' }),
});
