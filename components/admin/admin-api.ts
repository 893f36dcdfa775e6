/**
 * The admin pages' calls to the API (no React here). Answers are read once: the body on success, or the
 * error's message and fields, so a form can say what to fix.
 */
import type { FieldError } from '../../lib/domain/field-errors';

export type AdminReply<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; code: string; message: string; errors: FieldError[] };

export async function adminCall<T>(method: string, path: string, body?: unknown): Promise<AdminReply<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, code: 'network', message: 'Сервер недоступен.', errors: [] };
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (response.ok) return { ok: true, status: response.status, body: parsed as T };
  const error = (parsed as { error?: { code?: string; message?: string; errors?: FieldError[] } } | null)
    ?.error;
  return {
    ok: false,
    status: response.status,
    code: error?.code ?? 'unknown',
    message: error?.message ?? `HTTP ${response.status}`,
    errors: error?.errors ?? [],
  };
}

/** What a person reads for a refused call: the status in Russian, then the fields the server named. */
export function failureText(reply: Extract<AdminReply<unknown>, { ok: false }>): string {
  const head: Record<number, string> = {
    0: 'Сервер недоступен',
    400: 'Проверьте поля',
    401: 'Сеанс истёк — войдите снова',
    403: 'Недостаточно прав',
    404: 'Не найдено',
    409: 'Конфликт',
    429: 'Слишком много запросов — подождите',
  };
  const fields = reply.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  return `${head[reply.status] ?? `Ошибка ${reply.status}`}${fields ? ` — ${fields}` : ''}.`;
}

/** Moscow wall-clock time of an ISO instant, as the center reads it. */
export function formatMoscow(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('ru-RU', {
    timeZone: 'Europe/Moscow',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export const INPUT =
  'rounded border border-slate-600 bg-slate-900 px-3 py-2 text-base text-white outline-none focus:border-cyan-400';
export const BUTTON =
  'rounded bg-cyan-500 px-4 py-2 font-semibold text-slate-950 hover:bg-cyan-400 disabled:opacity-50';
export const QUIET =
  'rounded border border-slate-600 px-3 py-1.5 text-slate-200 hover:border-cyan-400 disabled:opacity-50';
export const DANGER =
  'rounded border border-rose-700 px-3 py-1.5 text-rose-200 hover:border-rose-400 disabled:opacity-50';
