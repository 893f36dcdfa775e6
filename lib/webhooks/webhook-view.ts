import type { SourceWebhook } from '../../db/schema';

/** A webhook as the API shows it: the secret never leaves the server, only the fact that one is set. */
export interface WebhookView {
  source: string;
  url: string;
  enabled: boolean;
  maxAttempts: number;
  secretSet: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export function webhookView(row: SourceWebhook): WebhookView {
  return {
    source: row.sourceCode,
    url: row.url,
    enabled: row.enabled,
    maxAttempts: row.maxAttempts,
    secretSet: row.secret.length > 0,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
