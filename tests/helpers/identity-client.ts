import { createUser } from '@/lib/identity/create-user';
import type { Role } from '@/lib/domain/access';
import type { TestApp } from './test-context';

export const ORIGIN = 'http://test.local';

export interface CallOptions {
  body?: unknown;
  cookie?: string;
  bearer?: string;
  /** The Origin header; cookie-carried writes need this site's own. */
  origin?: string | null;
  /** The client address the perimeter would hand over; each test uses its own, so the throttle stays apart. */
  address?: string;
}

/** A request as the browser or a script would send it to one of the identity routes. */
export function request(method: string, path: string, options: CallOptions = {}): Request {
  const headers: Record<string, string> = { host: 'test.local' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.cookie) headers.cookie = options.cookie;
  if (options.bearer) headers.authorization = `Bearer ${options.bearer}`;
  if (options.origin !== null) headers.origin = options.origin ?? ORIGIN;
  if (options.address) headers['x-cur-client-address'] = options.address;
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
}

/** The `name=value` part of a Set-Cookie header, ready to send back as a Cookie header. */
export function cookieOf(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  return header.split(';')[0]!;
}

export const PASSWORD = 'Korrekt-Loshad-42';

let counter = 0;

/** A person with a password, on a login of their own. */
export async function aPerson(app: TestApp, role: Role = 'operator', scopes?: string[]): Promise<string> {
  counter += 1;
  const login = `person${counter}.${role.replace('_', '')}`;
  const created = await createUser(app.ctx.db, app.ctx.reference, {
    login,
    displayName: `Тестовый ${counter}`,
    role,
    scopes,
    password: PASSWORD,
    createdBy: 'test',
  });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  return login;
}
