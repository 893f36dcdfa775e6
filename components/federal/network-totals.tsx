import { formatCountRu } from '@/lib/i18n/format-ru';
import { formatShare } from '@/lib/i18n/format-ru';
import { isAlarmShare } from '@/components/federal/rate-scale';
import type { FederalTotals } from '@/lib/federal/types';

function Tile(props: { label: string; value: string; alarm?: boolean; testId: string }) {
  return (
    <div data-testid={props.testId} className={`wall-counter ${props.alarm ? 'wall-counter--alarm' : ''}`}>
      <div className="wall-small whitespace-nowrap font-semibold uppercase tracking-wide text-slate-300">
        {props.label}
      </div>
      <div className="mt-[0.4vh] whitespace-nowrap text-[clamp(1.4rem,min(5vh,2.4vw),8rem)] font-bold leading-none tabular-nums">
        {props.value}
      </div>
    </div>
  );
}

/** The network in five numbers: centers on line, today's complaints, the open backlog, overdue and on-time. */
export function NetworkTotals({ totals }: { totals: FederalTotals }) {
  return (
    <div data-testid="network-totals" className="flex justify-between gap-[1.4vw]">
      <Tile
        testId="total-live"
        label="На связи"
        value={`${totals.live} из ${totals.regions}`}
        alarm={totals.silent > 0}
      />
      <Tile testId="total-today" label="Сегодня" value={formatCountRu(totals.today)} />
      <Tile testId="total-open" label="Открыто" value={formatCountRu(totals.open)} />
      <Tile
        testId="total-overdue"
        label="Просрочено"
        value={formatShare(totals.overdueShare)}
        alarm={isAlarmShare(totals.overdueShare)}
      />
      <Tile testId="total-on-time" label="В срок" value={formatShare(totals.onTimeShare)} />
    </div>
  );
}
