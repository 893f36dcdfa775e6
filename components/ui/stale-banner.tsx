import type { ConnectionState, DatabaseState } from '@/lib/realtime/client/use-wall-feed';
import { formatShortTime, formatTime } from '@/components/ui/format';
import { formatAgeRu } from '@/components/ui/format-panel';

/** Why the numbers on a screen may be old, if they may be: the database first, then the screen's own link. */
export function faultOf(connection: ConnectionState, database?: DatabaseState): 'database' | 'server' | null {
  if (database?.down) return 'database';
  return connection === 'offline' ? 'server' : null;
}

const FAULT_TITLES = {
  database: 'Нет связи с базой',
  server: 'Нет связи с сервером',
} as const;

/**
 * Across the top of the screen when the numbers may be old. A fault (the server's database is away, or this
 * screen lost the server for longer than a reconnect takes) says so in large letters with the time and age of
 * the numbers kept on screen («данные на 12:04, 2 мин назад»), and goes by itself on recovery; otherwise stale
 * data (nothing arrived for the configured time) is shown; a short connection drop only shows in the badge.
 */
export function StaleBanner(props: {
  stale: boolean;
  connection: ConnectionState;
  database?: DatabaseState;
  updatedAt: number;
  ageMs: number;
}) {
  const { stale, connection, database, updatedAt, ageMs } = props;
  const fault = faultOf(connection, database);
  if (fault)
    return (
      <div
        role="alert"
        data-testid="fault-banner"
        data-fault={fault}
        className="wall-banner wall-banner--fault"
      >
        <div className="wall-banner__title">
          <span aria-hidden="true">⚠ </span>
          {FAULT_TITLES[fault]}
        </div>
        <div className="wall-banner__detail">
          данные на {formatShortTime(updatedAt)}, {formatAgeRu(ageMs)}
        </div>
      </div>
    );
  if (stale)
    return (
      <div role="alert" data-testid="stale-banner" className="wall-banner">
        <span aria-hidden="true">⚠ </span>ДАННЫЕ УСТАРЕЛИ · последнее обновление {formatTime(updatedAt)},{' '}
        {formatAgeRu(ageMs)}
        {connection === 'live' ? '' : ' · нет связи с сервером'}
      </div>
    );
  return null;
}
