import type { Incident } from '@/lib/incidents/types';
import type { ShiftSummary } from '@/lib/shift/get-shift-summary';

export const SHIFT_URL = '/api/v1/shift';
export const SHIFT_POLL_MS = 5_000;

export type IncidentMove = 'acknowledged' | 'in_work' | 'closed';

export async function fetchShift(signal?: AbortSignal): Promise<ShiftSummary> {
  const response = await fetch(SHIFT_URL, { cache: 'no-store', signal });
  if (!response.ok) throw new Error(`${SHIFT_URL}: HTTP ${response.status}`);
  return (await response.json()) as ShiftSummary;
}

/** Answers an incident; resolves to the updated incident, or the server's reason for refusing. */
export async function answerIncident(
  id: number,
  status: IncidentMove,
): Promise<{ ok: true; incident: Incident } | { ok: false; message: string }> {
  try {
    const response = await fetch(`/api/v1/incidents/${id}/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status }),
      cache: 'no-store',
    });
    const body = (await response.json().catch(() => ({}))) as Incident & { error?: { message?: string } };
    return response.ok
      ? { ok: true, incident: body }
      : { ok: false, message: body.error?.message ?? `HTTP ${response.status}` };
  } catch {
    return { ok: false, message: 'сервер недоступен' };
  }
}
