import { z } from 'zod';

/** `POST /api/v1/incidents/{id}/answer`: the status the incident moves to. */
export const INCIDENT_ANSWER_BODY = z.strictObject({
  status: z.enum(['acknowledged', 'in_work', 'closed'], {
    message: 'must be "acknowledged", "in_work" or "closed"',
  }),
});
