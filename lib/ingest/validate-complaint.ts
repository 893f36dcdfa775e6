import { z } from 'zod';
import type { AppContext } from '../context';
import { checkRegion } from '../federal/check-region';
import { HOME_REGION } from '../domain/home-region';
import { zodFieldErrors, type FieldError } from '../domain/field-errors';
import { isoDateTimeWithOffset } from '../domain/iso-date-time';
import { visibleText } from '../domain/safe-text';
import type { ComplaintInput } from './types';
import {
  MAX_ADDRESS_CHARS,
  MAX_EXTERNAL_ID_CHARS,
  MAX_FUTURE_SKEW_MS,
  MAX_PAST_MS,
  MAX_TEXT_CHARS,
} from '../domain/limits';

const text = (max: number) =>
  z
    .string({ message: 'must be a string' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    // NUL, controls and lone surrogates never reach the database; zero-width-only text counts as empty.
    .superRefine(visibleText);

const coordinate = z
  .number({ message: 'must be a number' })
  .refine((v) => Number.isFinite(v), 'must be a finite number');

/** One complaint of `POST /api/v1/complaints`; codes, time bounds, region and place are checked below. */
export const COMPLAINT_ITEM_SCHEMA = z.object({
  source: text(64).meta({ description: 'Source code', examples: ['dobrodel'] }),
  externalId: text(MAX_EXTERNAL_ID_CHARS),
  receivedAt: isoDateTimeWithOffset('2026-11-22T09:15:00+03:00').meta({
    description: 'At most 5 minutes ahead of the server clock, at most 5 years back',
  }),
  text: text(MAX_TEXT_CHARS),
  lat: coordinate.optional().meta({
    description:
      'WGS84; with lon, must fall inside Moscow Oblast, or inside `region` (within 15 km of its outline) for another region',
  }),
  lon: coordinate.optional(),
  address: text(MAX_ADDRESS_CHARS).optional(),
  category: text(64).optional().meta({ description: 'Category code' }),
  block: text(64).optional().meta({ description: 'Block code; must match the category when both are given' }),
  region: text(16).optional().meta({
    description:
      "ISO 3166-2 code of the sending center's region, default RU-MOS (GET /api/v1/regions; Crimea UA-43, Sevastopol UA-40). Another region's complaint is counted for the federal view only; an unknown code or a point outside the region refuses the whole request with 400",
  }),
});

/** A complaint that passed every check, with everything the insert needs resolved. */
export interface ValidComplaint {
  input: ComplaintInput;
  receivedAt: Date;
  /** The sending center's region; only HOME_REGION complaints get a municipality, routing and problems. */
  regionCode: string;
  municipalityOktmo: string | null;
  blockCode: string | null;
  categoryCode: string | null;
  deadlineHours: number | null;
}

export type Validation = { ok: true; value: ValidComplaint } | { ok: false; errors: FieldError[] };

/** The externalId of a raw item when it has a usable one, so a rejection can still be matched by the caller. */
export function externalIdOf(raw: unknown): string | null {
  if (raw && typeof raw === 'object' && 'externalId' in raw) {
    const value = (raw as { externalId: unknown }).externalId;
    if (typeof value === 'string') return value;
  }
  return null;
}

/**
 * `anyAge`: a record of history already ended elsewhere (an Open311 import's closed request) may be of any
 * age; the five-year limit is for live intake, where an old date is a client's mistake.
 */
export function validateComplaint(ctx: AppContext, raw: unknown, now: Date, anyAge = false): Validation {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, errors: [{ field: '', message: 'must be a JSON object' }] };
  }
  const parsed = COMPLAINT_ITEM_SCHEMA.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, errors: zodFieldErrors(parsed.error, raw) };
  }
  const item = parsed.data;
  const errors: FieldError[] = [];
  const { reference, locator } = ctx;

  if (!reference.sources.has(item.source))
    errors.push({ field: 'source', message: `unknown source code "${item.source}"` });

  const receivedAt = new Date(item.receivedAt);
  if (receivedAt.getTime() > now.getTime() + MAX_FUTURE_SKEW_MS) {
    errors.push({
      field: 'receivedAt',
      message: 'is in the future (more than 5 minutes ahead of the server clock)',
    });
  } else if (!anyAge && receivedAt.getTime() < now.getTime() - MAX_PAST_MS) {
    errors.push({ field: 'receivedAt', message: 'is more than 5 years in the past' });
  }

  const category = item.category === undefined ? undefined : reference.categories.get(item.category);
  if (item.category !== undefined && !category) {
    errors.push({ field: 'category', message: `unknown category code "${item.category}"` });
  }
  if (item.block !== undefined && !reference.blocks.has(item.block)) {
    errors.push({ field: 'block', message: `unknown block code "${item.block}"` });
  } else if (item.block !== undefined && category && category.blockCode !== item.block) {
    errors.push({
      field: 'block',
      message: `"${item.block}" does not match category "${category.code}", which belongs to block "${category.blockCode}"`,
    });
  }

  const regionCode = item.region ?? HOME_REGION;
  // The API refuses these batches whole (parseBatch); other callers (simulator, importers) reject the item.
  errors.push(...checkRegion(raw));
  const home = regionCode === HOME_REGION;

  let municipalityOktmo: string | null = null;
  if ((item.lat === undefined) !== (item.lon === undefined)) {
    errors.push({
      field: item.lat === undefined ? 'lat' : 'lon',
      message: 'is required when the other coordinate is given',
    });
  } else if (item.lat !== undefined && item.lon !== undefined) {
    if (item.lat < -90 || item.lat > 90) errors.push({ field: 'lat', message: 'must be between -90 and 90' });
    else if (item.lon < -180 || item.lon > 180)
      errors.push({ field: 'lon', message: 'must be between -180 and 180' });
    else if (home) {
      municipalityOktmo = locator.locate(item.lon, item.lat);
      if (!municipalityOktmo) {
        errors.push({ field: 'lat', message: 'the point (lat, lon) is outside Moscow Oblast' });
      }
    }
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      input: item,
      receivedAt,
      regionCode,
      municipalityOktmo,
      blockCode: category?.blockCode ?? item.block ?? null,
      categoryCode: category?.code ?? null,
      deadlineHours: category?.deadlineHours ?? null,
    },
  };
}
