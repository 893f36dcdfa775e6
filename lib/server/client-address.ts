/**
 * The header through which the perimeter (lib/server/perimeter.ts) hands the client's socket address to the
 * route handlers; it overwrites whatever a client sent under that name.
 */
export const CLIENT_ADDRESS_HEADER = 'x-cur-client-address';

export function clientAddressOf(request: Request): string | null {
  return request.headers.get(CLIENT_ADDRESS_HEADER) || null;
}
