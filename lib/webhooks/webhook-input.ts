import { z } from 'zod';
import { zodFieldErrors } from '../domain/field-errors';
import type { FieldError } from '../domain/field-errors';
import { staticEgressRefusal } from '../egress/check-egress';
import { visibleText } from '../domain/safe-text';

export const SECRET_MIN_CHARS = 16;
export const SECRET_MAX_CHARS = 200;
export const MAX_ATTEMPTS_LIMIT = 20;
export const DEFAULT_MAX_ATTEMPTS = 8;
export const MAX_URL_CHARS = 2000;

/** The refusal as the PUT answer's field message, with the way out for an internal receiver that is meant. */
export function refusedUrlMessage(reason: string): string {
  return `is refused: ${reason} (allow the exact host in EGRESS_ALLOW_HOSTS if it is meant)`;
}

/**
 * What the egress guard can tell without DNS (a literal internal IP in any notation, localhost) is refused here;
 * putWebhook then checks what the host resolves to, and the dispatcher checks again before every request.
 */
function checkUrl(value: string, ctx: z.RefinementCtx): void {
  if (!isHttpUrl(value)) {
    ctx.addIssue({ code: 'custom', message: 'must be an http or https URL' });
    return;
  }
  const refusal = staticEgressRefusal(value);
  if (refusal) ctx.addIssue({ code: 'custom', message: refusedUrlMessage(refusal) });
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** Body of `PUT /api/v1/sources/{source}/webhook`; unknown keys are refused so a misspelt one is not lost. */
export const WEBHOOK_BODY_SCHEMA = z.strictObject({
  url: z
    .string({ message: 'must be a string' })
    .max(MAX_URL_CHARS, `must be at most ${MAX_URL_CHARS} characters`)
    .superRefine(checkUrl)
    .meta({
      description:
        'http or https; internal addresses (loopback, private, link-local, metadata) are refused unless the exact host is in EGRESS_ALLOW_HOSTS',
    }),
  secret: z
    .string({ message: 'must be a string' })
    .min(SECRET_MIN_CHARS, `must be ${SECRET_MIN_CHARS} to ${SECRET_MAX_CHARS} characters`)
    .max(SECRET_MAX_CHARS, `must be ${SECRET_MIN_CHARS} to ${SECRET_MAX_CHARS} characters`)
    // Sixteen zero-width characters are no secret.
    .superRefine(visibleText),
  enabled: z.boolean({ message: 'must be true or false' }).optional().meta({ description: 'Default true' }),
  maxAttempts: z
    .number({ message: 'must be an integer' })
    .int('must be an integer')
    .min(1, `must be 1 to ${MAX_ATTEMPTS_LIMIT}`)
    .max(MAX_ATTEMPTS_LIMIT, `must be 1 to ${MAX_ATTEMPTS_LIMIT}`)
    .optional()
    .meta({ description: `Default ${DEFAULT_MAX_ATTEMPTS}` }),
});

export type WebhookInput = z.infer<typeof WEBHOOK_BODY_SCHEMA>;

/** Query of `GET /api/v1/sources/{source}/deliveries`. */
export const DELIVERY_LOG_QUERY_SCHEMA = z.object({
  status: z
    .enum(['pending', 'delivered', 'failed'], { message: 'must be one of: pending, delivered, failed' })
    .optional(),
  limit: z.coerce
    .number({ message: 'must be an integer' })
    .int('must be an integer')
    .min(1, 'must be 1 to 200')
    .max(200, 'must be 1 to 200')
    .default(50),
  before: z.coerce
    .number({ message: 'must be a delivery id' })
    .int('must be a delivery id')
    .positive('must be a delivery id')
    .optional()
    .meta({ description: 'Only deliveries with a smaller id: pass nextBefore of the previous page' }),
});

export type DeliveryLogQuery = z.infer<typeof DELIVERY_LOG_QUERY_SCHEMA>;

/** zod issues as `{ field, message }`, with each unknown key named as its own field. */
export function webhookFieldErrors(error: z.ZodError, raw: unknown): FieldError[] {
  const unknownKeys = error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: [...issue.path, key].join('.'), message: 'is not a known field' }))
      : [],
  );
  const rest = new z.ZodError(error.issues.filter((issue) => issue.code !== 'unrecognized_keys'));
  return [...zodFieldErrors(rest, raw), ...unknownKeys];
}
