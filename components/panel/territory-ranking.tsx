import { memo } from 'react';
import type { TerritoryLoad } from '@/lib/panels/types';
import { SPARKLINE_DAYS, TERRITORY_MIN_COUNT, TERRITORY_WINDOW_DAYS } from '@/lib/panels/types';
import { formatCountRu } from '@/lib/i18n/format-ru';
import type { Per10kScale } from '@/components/panel/panel-colors';
import { formatPer10k } from '@/components/ui/format-panel';
import { DrillLink } from '@/components/ui/drill-link';
import { Sparkline } from './sparkline';

/** Two columns: 29 rows each fit the column at a readable size, where three would crop the longer names. */
const COLUMNS = 2;

interface TerritoryRankingProps {
  territories: TerritoryLoad[];
  per10k: Per10kScale;
  /** OKTMOs with a tension point now: marked in the list as on the map. */
  tense: Set<string>;
  nameOf: (oktmo: string) => string;
}

type Item = TerritoryLoad | 'few-divider';

/** Ranked first; the unranked after a divider that says why they have no rank. */
function ordered(territories: TerritoryLoad[], nameOf: (oktmo: string) => string): Item[] {
  const ranked = territories.filter((t) => t.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const rest = territories
    .filter((t) => t.rank === null)
    .sort((a, b) => b.count - a.count || nameOf(a.oktmo).localeCompare(nameOf(b.oktmo), 'ru'));
  return rest.length === 0 ? ranked : [...ranked, 'few-divider', ...rest];
}

function Header() {
  return (
    <div className="panel-rank-row panel-rank-head" aria-hidden="true">
      <span className="text-right">№</span>
      <span />
      <span>округ</span>
      <span className="panel-rank-head__end">на 10 тыс.</span>
      <span className="panel-rank-head__end">шт.</span>
      <span className="panel-rank-head__end">{SPARKLINE_DAYS} дн.</span>
    </div>
  );
}

function Row({
  t,
  scale,
  tense,
  name,
}: {
  t: TerritoryLoad;
  scale: Per10kScale;
  tense: boolean;
  name: string;
}) {
  const [r, g, b] = scale.colorOf(t.rank === null ? null : t.per10k);
  return (
    <li
      data-testid="territory-row"
      data-oktmo={t.oktmo}
      data-rank={t.rank ?? ''}
      data-per10k={t.per10k}
      data-count={t.count}
      className={`panel-rank-row ${t.rank === null ? 'panel-rank-row--few' : ''}`}
    >
      <span className="text-right tabular-nums text-slate-400">{t.rank ?? '—'}</span>
      {/* The map's colour for this municipality, so the list and the choropleth read as one; a tension point
          gets the map's ▲ instead. */}
      {tense ? (
        <span className="text-center font-bold text-breach" aria-label="точка напряжённости">
          ▲
        </span>
      ) : (
        <span className="panel-swatch" style={{ background: `rgb(${r} ${g} ${b})` }} aria-hidden="true" />
      )}
      <DrillLink oktmo={t.oktmo} className={`truncate ${tense ? 'text-breach' : ''}`}>
        {name}
      </DrillLink>
      <span className="text-right font-bold tabular-nums">{formatPer10k(t.per10k)}</span>
      <span className="text-right tabular-nums text-slate-300">{formatCountRu(t.count)}</span>
      <Sparkline values={t.daily} className="h-[75%] w-full text-sky-300" />
    </li>
  );
}

// 57 rows and sparklines: redrawn on a panel update, not on every tick of the screen's clock.
export const TerritoryRanking = memo(function TerritoryRanking({
  territories,
  per10k,
  tense,
  nameOf,
}: TerritoryRankingProps) {
  const items = ordered(territories, nameOf);
  const perColumn = Math.ceil(items.length / COLUMNS);
  const columns = Array.from({ length: COLUMNS }, (_, c) => items.slice(c * perColumn, (c + 1) * perColumn));
  return (
    <section
      data-testid="territory-ranking"
      data-rows={territories.length}
      data-ranked={territories.filter((t) => t.rank !== null).length}
      className="flex h-full min-h-0 flex-col"
      aria-label="Нагрузка по округам"
    >
      <h2 className="panel-heading">Округа: обращений на 10 тыс. жителей за {TERRITORY_WINDOW_DAYS} дней</h2>
      <div className="grid min-h-0 flex-1 grid-cols-2 gap-x-[1vw]">
        {columns.map((col, c) => (
          <div key={c} className="flex min-h-0 flex-col">
            <Header />
            <ol
              className="grid min-h-0 flex-1"
              style={{ gridTemplateRows: `repeat(${perColumn}, minmax(0, 1fr))` }}
            >
              {col.map((t) =>
                t === 'few-divider' ? (
                  <li key={t} className="panel-rank-divider">
                    мало данных: меньше {TERRITORY_MIN_COUNT} обращений
                  </li>
                ) : (
                  <Row key={t.oktmo} t={t} scale={per10k} tense={tense.has(t.oktmo)} name={nameOf(t.oktmo)} />
                ),
              )}
            </ol>
          </div>
        ))}
      </div>
    </section>
  );
});
