import { z } from 'zod';
import { isoDateTimeWithOffset } from '../domain/iso-date-time';
import { isKnownZone } from './parse-sloppy-date';

/** Body of `POST /api/v1/imports/open311`; the host and the serviceMap's categories are checked by the route. */
export const OPEN311_IMPORT_BODY_SCHEMA = z.object({
  baseUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http or https URL' })
    .meta({ examples: ['https://311.example.org/open311/v2'] }),
  since: isoDateTimeWithOffset('2026-11-01T00:00:00+03:00')
    .optional()
    .meta({ description: 'Default: 90 days before `until`' }),
  until: isoDateTimeWithOffset('2026-11-22T00:00:00+03:00').optional().meta({ description: 'Default: now' }),
  serviceMap: z
    .record(z.string(), z.string({ message: 'must be a category code' }))
    .optional()
    .meta({ description: 'Their service_code → our category code; unmapped ones go to the classifier' }),
  assumeZone: z
    .string({ message: 'must be a string' })
    .refine(isKnownZone, 'must be an IANA time zone, e.g. Europe/Moscow')
    .optional()
    .meta({ description: 'IANA zone for offset-less times; default Europe/Moscow' }),
});
