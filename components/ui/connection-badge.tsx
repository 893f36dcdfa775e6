import type { ConnectionState } from '@/lib/realtime/client/use-wall-feed';

/** Each state has its own symbol as well as colour, so it reads without colour vision. */
const STATES: Record<ConnectionState, { symbol: string; text: string; className: string }> = {
  live: { symbol: '●', text: 'На связи', className: 'text-emerald-300' },
  reconnecting: { symbol: '◌', text: 'Переподключение…', className: 'text-amber-300 animate-pulse' },
  offline: { symbol: '✕', text: 'Нет связи', className: 'text-red-300' },
};

const DATABASE_DOWN = { symbol: '✕', text: 'Нет связи с базой', className: 'text-red-300' };

/** `databaseDown`: the socket is up but its node cannot reach the database; «На связи» would be untrue. */
export function ConnectionBadge({
  state,
  databaseDown = false,
}: {
  state: ConnectionState;
  databaseDown?: boolean;
}) {
  const s = state === 'live' && databaseDown ? DATABASE_DOWN : STATES[state];
  return (
    <span data-testid="connection-state" data-state={state} className={`font-semibold ${s.className}`}>
      <span aria-hidden="true">{s.symbol}</span> {s.text}
    </span>
  );
}
