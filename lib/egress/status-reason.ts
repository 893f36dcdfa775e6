import { STATUS_CODES } from 'node:http';

/**
 * The standard reason phrase of a status code ("Internal Server Error"), never the server's own words: what a
 * called host answers stays out of our logs and error messages, so the guard cannot be used to read internal
 * services through them.
 */
export function statusReason(status: number): string {
  return STATUS_CODES[status] ?? 'Unknown Status';
}
