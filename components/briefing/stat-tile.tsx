import type { ReactNode } from 'react';
import type { Change } from '@/components/briefing/format';
import { ChangeBadge, type Goodness } from './change-badge';

interface StatTileProps {
  testId: string;
  label: string;
  value: string;
  change: Change;
  goodness: Goodness;
  before: ReactNode;
  note?: ReactNode;
}

/** One figure of the week: what, how many, the change, and the week before's value to read it against. */
export function StatTile({ testId, label, value, change, goodness, before, note }: StatTileProps) {
  return (
    <div
      data-testid={testId}
      data-value={value}
      className="flex min-h-0 flex-col justify-between rounded-[20px] border border-slate-800 bg-slate-900/60 px-[36px] py-[28px]"
    >
      <div className="text-[30px] leading-tight font-semibold text-slate-300">{label}</div>
      <div className="text-[108px] leading-none font-bold tabular-nums text-white">{value}</div>
      <div>
        <div className="text-[40px] leading-tight">
          <ChangeBadge change={change} goodness={goodness} testId={`${testId}-change`} />
        </div>
        <div className="mt-[4px] text-[26px] leading-snug text-slate-400">{before}</div>
        {note && <div className="text-[26px] leading-snug text-slate-300">{note}</div>}
      </div>
    </div>
  );
}
