import type { ConnectionState } from '@/lib/realtime/client/use-wall-feed';
import { formatTime } from '@/components/ui/format';
import { formatAgeRu } from '@/components/ui/format-panel';

/**
 * Across the top of the screen when the numbers may be old: stale data (nothing arrived for the configured
 * time) wins over a short connection drop, which the badge already shows.
 */
export function StaleBanner(props: {
  stale: boolean;
  connection: ConnectionState;
  updatedAt: number;
  ageMs: number;
}) {
  const { stale, connection, updatedAt, ageMs } = props;
  if (stale)
    return (
      <div role="alert" data-testid="stale-banner" className="wall-banner">
        <span aria-hidden="true">⚠ </span>ДАННЫЕ УСТАРЕЛИ · последнее обновление {formatTime(updatedAt)},{' '}
        {formatAgeRu(ageMs)}
        {connection === 'live' ? '' : ' · нет связи с сервером'}
      </div>
    );
  if (connection === 'offline')
    return (
      <div role="status" className="wall-banner">
        Нет связи с сервером · данные на {formatTime(updatedAt)}
      </div>
    );
  return null;
}
