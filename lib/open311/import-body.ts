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
    .meta({
      description:
        'Their service_code → our category code, over the mapping an admin confirmed for this server; codes mapped by neither go to the classifier',
    }),
  timeZone: z
    .string({ message: 'must be a string' })
    .refine(isKnownZone, 'must be an IANA time zone, e.g. Europe/Berlin')
    .optional()
    .meta({
      description:
        "IANA zone of the server's times without an offset. Without it such a time refuses the feed (no zone is assumed)",
    }),
});

/** Body of `POST /api/v1/imports/open311/services`: read a server's services list and propose categories. */
export const OPEN311_SERVICES_READ_SCHEMA = z.object({
  baseUrl: z
    .url({ protocol: /^https?$/, message: 'must be an http or https URL' })
    .meta({ examples: ['https://311.example.org/open311/v2'] }),
});

/** Body of `PUT /api/v1/imports/open311/services`: an admin's categories for a server's services. */
export const OPEN311_SERVICES_CONFIRM_SCHEMA = z.object({
  host: z
    .string({ message: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(300)
    .meta({ description: 'host[:port] of the server, as the services list was read from' }),
  mappings: z
    .array(
      z.object({
        serviceCode: z.string({ message: 'must be a string' }).min(1, 'must not be empty').max(200),
        categoryCode: z
          .string({ message: 'must be a category code or null' })
          .min(1, 'must not be empty')
          .max(64)
          .nullable()
          .meta({ description: "Our category; null leaves the service's requests to the classifier" }),
      }),
      { message: 'must be an array' },
    )
    .min(1, 'must hold at least one decision')
    .max(2000, 'must hold at most 2000 decisions'),
});

/** Query of `GET /api/v1/imports/open311/services`. */
export const OPEN311_SERVICES_QUERY_SCHEMA = z.object({
  host: z
    .string({ message: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(300, 'must be at most 300 characters')
    .optional()
    .meta({ description: 'One server (host[:port]); all servers without it' }),
});
