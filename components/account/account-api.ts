import { plural } from '@/lib/i18n/plural';

/** What the identity API answered, read once: the body on success, or the error's code and Retry-After. */
export type ApiReply<T> =
  | { ok: true; body: T }
  | { ok: false; status: number; code: string; retryAfter: number | null; fields: string[] };

export async function callApi<T>(method: string, path: string, body?: unknown): Promise<ApiReply<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    return { ok: false, status: 0, code: 'network', retryAfter: null, fields: [] };
  }
  const parsed = (await response.json().catch(() => null)) as unknown;
  if (response.ok) return { ok: true, body: parsed as T };
  const error = (parsed as { error?: { code?: string; errors?: { field: string }[] } } | null)?.error;
  const retry = Number(response.headers.get('retry-after'));
  return {
    ok: false,
    status: response.status,
    code: error?.code ?? 'unknown',
    retryAfter: Number.isFinite(retry) && retry > 0 ? retry : null,
    fields: (error?.errors ?? []).map((e) => e.field),
  };
}

function minutes(seconds: number): string {
  const m = Math.max(1, Math.ceil(seconds / 60));
  return `${m} ${plural(m, ['минуту', 'минуты', 'минут'])}`;
}

/** The sentence a person reads for a refused request. */
export function problemText(reply: Extract<ApiReply<unknown>, { ok: false }>): string {
  switch (reply.code) {
    case 'invalid_credentials':
      return 'Неверный логин или пароль.';
    case 'locked':
      return `Слишком много неудачных попыток: вход заблокирован, попробуйте через ${minutes(reply.retryAfter ?? 900)}.`;
    case 'rate_limited':
      return `Слишком много попыток с этого адреса: подождите ${minutes(reply.retryAfter ?? 60)}.`;
    case 'totp_required':
      return 'Введите одноразовый код из приложения-аутентификатора.';
    case 'totp_invalid':
      return 'Одноразовый код неверен или устарел.';
    case 'link_invalid':
      return 'Ссылка уже использована или устарела. Попросите новую у администратора.';
    case 'admin_exists':
      return 'Администратор уже создан — войдите под своей учётной записью.';
    case 'wrong_password':
      return 'Пароль неверен.';
    case 'too_many_tokens':
      return 'Слишком много действующих токенов: отзовите ненужные.';
    case 'cross_site':
      return 'Запрос отклонён: откройте страницу заново.';
    case 'unauthenticated':
      return 'Сеанс истёк — войдите снова.';
    case 'network':
      return 'Сервер недоступен. Проверьте соединение.';
    default:
      return `Не получилось (код ${reply.status || '—'}: ${reply.code}).`;
  }
}

/** Shown under every new-password field: what passwordProblem() on the server asks for. */
export const PASSWORD_RULES =
  'Не короче 10 символов, без логина внутри и не из одного-двух повторяющихся знаков.';

export const INPUT_CLASS =
  'mt-1 block w-full rounded border border-slate-600 bg-slate-900 px-3 py-2 text-lg text-white outline-none focus:border-cyan-400';
export const BUTTON_CLASS =
  'rounded bg-cyan-500 px-5 py-2 text-lg font-semibold text-slate-950 hover:bg-cyan-400 disabled:opacity-50';
export const QUIET_BUTTON_CLASS =
  'rounded border border-slate-600 px-4 py-2 text-slate-200 hover:border-cyan-400 disabled:opacity-50';
