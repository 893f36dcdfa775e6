import { createHmac } from 'node:crypto';

/** `sha256=<hex>`: HMAC-SHA256 of the exact body bytes with the source's secret (X-Cur-Signature). */
export function signPayload(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}
