import { z } from 'zod';
import { isoDateTimeWithOffset } from '../domain/iso-date-time';
import { PLAYBACK_SPANS } from './types';

/** The query of `GET /api/v1/playback`; codes are checked against the reference by the route. */
export const PLAYBACK_QUERY = z.object({
  span: z
    .enum(PLAYBACK_SPANS, {
      error: (issue) => (issue.input === undefined ? 'is required' : 'must be "24h" or "7d"'),
    })
    .meta({ description: 'How far back' }),
  block: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .optional()
    .meta({ description: 'Block code from GET /api/v1/reference' }),
  municipality: z
    .string()
    .regex(/^\d{11}$/, 'must be an 11-digit OKTMO code')
    .optional()
    .meta({ description: 'OKTMO code (fine H3 cells then)' }),
  at: isoDateTimeWithOffset('2026-11-22T14:35:00+03:00')
    .optional()
    .meta({ description: 'Also answer `countersAt`: the counters at this instant (floored to the step)' }),
});
