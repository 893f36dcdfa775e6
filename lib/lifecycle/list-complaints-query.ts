import { z } from 'zod';

export const COMPLAINT_LIST_MAX_LIMIT = 200;

/** Status groups of a list, as the rollups count them (lib/domain/statuses.ts statusClass). */
const STATUS_GROUPS = ['open', 'resolved', 'closed', 'all'] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];

const code = (what: string) =>
  z
    .string({ message: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(64, 'must be at most 64 characters')
    .optional()
    .meta({ description: `${what} code from GET /api/v1/reference` });

/** Query of `GET /api/v1/complaints`; codes are then checked against the reference and the caller's scope. */
export const COMPLAINT_LIST_QUERY_SCHEMA = z.object({
  status: z
    .enum(STATUS_GROUPS, { message: `must be one of: ${STATUS_GROUPS.join(', ')}` })
    .default('all')
    .meta({
      description:
        'open: new, routed, in_progress, reopened; resolved; closed: closed, rejected, on_vote; all (default)',
    }),
  overdue: z
    .enum(['true', 'false'], { message: 'must be true or false' })
    .optional()
    .meta({ description: 'true: only open complaints past their due time' }),
  block: code('Block'),
  municipality: code('Municipality OKTMO'),
  executor: code('Executor'),
  before: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .positive('must be positive')
    .max(Number.MAX_SAFE_INTEGER, 'is too large')
    .optional()
    .meta({ description: 'Continue with complaints older than this id (the previous answer’s nextBefore)' }),
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(COMPLAINT_LIST_MAX_LIMIT, `must be at most ${COMPLAINT_LIST_MAX_LIMIT}`)
    .default(50),
});
