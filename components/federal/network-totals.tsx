import type { CSSProperties } from 'react';
import { formatCountRu, formatShare } from '@/lib/i18n/format-ru';
import { overdueTone, type ShareTone } from '@/components/federal/rate-scale';
import type { FederalTotals } from '@/lib/federal/types';

/** Inter's tabular digits and the narrow no-break space, as a share of the font size (a little generous). */
const CHAR_WIDTH_EM = 0.62;
/** The numbers' largest size; they shrink (never below the 24 px floor at 1080p) when a count grows long. */
const MAX_SIZE = '5vh';
const MIN_SIZE = 'var(--t-xs, 2.25vh)';

/**
 * A number sized to its tile: the tile is a size container, so the value's letters share its width and a day
 * of a million complaints shrinks the digits instead of running into the clock beside them.
 */
function fitted(value: string): CSSProperties {
  const em = (Math.max(value.length, 4) * CHAR_WIDTH_EM).toFixed(2);
  return { fontSize: `max(${MIN_SIZE}, min(${MAX_SIZE}, calc(100cqw / ${em})))` };
}

function Tile(props: { label: string; value: string; tone?: ShareTone; testId: string }) {
  const tone = props.tone ?? 'neutral';
  const toneClass = tone === 'neutral' ? '' : `wall-counter--${tone}`;
  return (
    <div
      data-testid={props.testId}
      data-tone={tone}
      className={`wall-counter @container min-w-0 ${toneClass}`}
    >
      {/* The label class for its tone's colour; the floor size, so five labels fit beside the title. */}
      <div
        className="wall-counter__label truncate normal-case tracking-normal"
        style={{ fontSize: MIN_SIZE }}
      >
        {props.label}
      </div>
      <div
        data-testid={`${props.testId}-value`}
        className="wall-numeral mt-[0.4vh] whitespace-nowrap font-bold leading-none tabular-nums"
        style={fitted(props.value)}
      >
        {props.value}
      </div>
    </div>
  );
}

/**
 * The network in five numbers: centers on line, today's complaints, the open backlog, overdue and on-time. A
 * silent center is a breach; a late quarter of the backlog a breach, 15 % a warning.
 */
export function NetworkTotals({ totals }: { totals: FederalTotals }) {
  return (
    <div data-testid="network-totals" className="grid grid-cols-5 gap-[1.2vw]">
      <Tile
        testId="total-live"
        label="На связи"
        value={`${totals.live} из ${totals.regions}`}
        tone={totals.silent > 0 ? 'breach' : 'neutral'}
      />
      <Tile testId="total-today" label="Сегодня" value={formatCountRu(totals.today)} />
      <Tile testId="total-open" label="Открыто" value={formatCountRu(totals.open)} />
      <Tile
        testId="total-overdue"
        label="Просрочено"
        value={formatShare(totals.overdueShare)}
        tone={overdueTone(totals.overdueShare)}
      />
      <Tile testId="total-on-time" label="В срок" value={formatShare(totals.onTimeShare)} />
    </div>
  );
}
