import { z } from 'zod';
import { visibleText } from '../domain/safe-text';
import { CATEGORY_FIELD, COMMENT_FIELD } from './validate-transition';

// Bodies of the commands on one complaint (`POST /api/v1/complaints/{id}/<command>`). They sit here rather
// than in the routes so the OpenAPI document can be generated from the very schemas that validate.

/** Body of `POST /api/v1/complaints/{id}/routing`. */
export const ROUTING_BODY_SCHEMA = z.object({
  executor: z
    .string({ message: 'must be an executor code' })
    .trim()
    .min(1, 'must not be empty')
    .max(64)
    .superRefine(visibleText),
  comment: COMMENT_FIELD,
});

/** Body of `POST /api/v1/complaints/{id}/classification`. */
export const CLASSIFICATION_BODY_SCHEMA = z.object({
  category: CATEGORY_FIELD.meta({ examples: ['housing.yard-snow'] }),
  municipality: z
    .string({ message: 'must be an OKTMO code' })
    .trim()
    .regex(/^\d{11}$/, 'must be an 11-digit OKTMO code')
    .optional()
    .meta({
      description:
        "OKTMO of one of the region's municipalities; only for a complaint without one (no coordinates, an ambiguous or missing place name)",
    }),
});

/** Body of `POST /api/v1/complaints/{id}/reclassification`. */
export const RECLASSIFICATION_BODY_SCHEMA = z.object({
  category: CATEGORY_FIELD.meta({ examples: ['transport.pothole'] }),
  comment: COMMENT_FIELD,
});
