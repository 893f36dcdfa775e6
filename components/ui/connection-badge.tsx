import type { ConnectionState } from '@/lib/realtime/client/use-wall-feed';

/** Each state has its own symbol as well as colour, so it reads without colour vision. */
const STATES: Record<ConnectionState, { symbol: string; text: string; className: string }> = {
  live: { symbol: '●', text: 'На связи', className: 'text-emerald-300' },
  reconnecting: { symbol: '◌', text: 'Переподключение…', className: 'text-amber-300 animate-pulse' },
  offline: { symbol: '✕', text: 'Нет связи', className: 'text-red-300' },
};

export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const s = STATES[state];
  return (
    <span data-testid="connection-state" data-state={state} className={`font-semibold ${s.className}`}>
      <span aria-hidden="true">{s.symbol}</span> {s.text}
    </span>
  );
}
