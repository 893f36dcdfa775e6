import type { TerritoryLoad } from '@/lib/panels/types';
import { TERRITORY_MIN_COUNT, TERRITORY_WINDOW_DAYS } from '@/lib/panels/types';
import { formatCountRu, withPlural } from '@/lib/i18n/format-ru';
import { formatPer10k } from '@/components/ui/format-panel';
import { DrillLink } from '@/components/ui/drill-link';

/** Five rows read from across the room; the full ranking of all 57 is the desk view's and the drill-down's. */
const WORST_ROWS = 5;
const COMPLAINTS = ['обращение', 'обращения', 'обращений'] as const;

/**
 * The block's five most loaded municipalities per 10,000 residents over the week. Only those with at least
 * TERRITORY_MIN_COUNT complaints are ranked: a village with 2 complaints would otherwise top the list on noise.
 */
export function WorstMunicipalities({
  territories,
  nameOf,
}: {
  territories: TerritoryLoad[];
  nameOf: (oktmo: string) => string;
}) {
  const worst = territories
    .filter((t) => t.rank !== null)
    .sort((a, b) => a.rank! - b.rank!)
    .slice(0, WORST_ROWS);
  return (
    <section data-testid="worst-municipalities" data-rows={worst.length} aria-label="Пять худших округов">
      <h2 className="block-heading">Больше всего на 10 тыс. жителей · {TERRITORY_WINDOW_DAYS} дней</h2>
      {worst.length === 0 ? (
        <p className="wall-small text-slate-400">
          Ни в одном округе пока нет {TERRITORY_MIN_COUNT} обращений за {TERRITORY_WINDOW_DAYS} дней
        </p>
      ) : (
        <ol>
          {worst.map((t) => (
            <li
              key={t.oktmo}
              className="block-worst-row"
              data-testid="worst-row"
              data-oktmo={t.oktmo}
              data-per10k={t.per10k}
              data-count={t.count}
            >
              <span className="text-right tabular-nums text-slate-400">{t.rank}</span>
              <DrillLink oktmo={t.oktmo} className="panel-cond min-w-0 font-semibold">
                {nameOf(t.oktmo)}
              </DrillLink>
              <span className="text-right font-bold tabular-nums">{formatPer10k(t.per10k)}</span>
              <span className="panel-cond text-right text-wall-xs tabular-nums text-slate-400">
                {withPlural(t.count, COMPLAINTS)}
              </span>
            </li>
          ))}
        </ol>
      )}
      <p className="wall-small mt-[0.4vh] text-slate-400">
        в рейтинге — округа с {formatCountRu(TERRITORY_MIN_COUNT)} и более обращениями
      </p>
    </section>
  );
}
