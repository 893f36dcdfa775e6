import { z } from 'zod';

/** ISO 8601 date-time that names its offset (`Z` or `±hh:mm`): a local time is ambiguous for the SLA clock. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** A date-time field of the API: a string with an explicit offset that parses to a real instant. */
export const isoDateTimeWithOffset = (example: string) =>
  z
    .string({ message: 'must be a string' })
    .regex(ISO_WITH_OFFSET, `must be an ISO 8601 date-time with an offset, e.g. ${example}`)
    .refine((v) => !Number.isNaN(Date.parse(v)), 'is not a valid date-time');
