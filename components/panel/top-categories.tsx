import type { TopCategory } from '@/lib/panels/types';
import { formatCountRu, formatPercentRu, MINUS } from '@/lib/i18n/format-ru';

interface TopCategoriesProps {
  categories: TopCategory[];
  categoryName: (code: string) => string;
  limit: number;
}

/** «▲ +15%» / «▼ −8%»: more complaints of a kind is worse, told by the arrow and sign in
 * neutral tones: growth is a direction, not a breach or a warning (components/ui/status-colors.ts). */
function ChangePct({ pct }: { pct: number | null }) {
  if (pct === null) return <span className="text-slate-500">—</span>;
  const rounded = Math.round(pct);
  if (rounded === 0) return <span className="text-slate-400">= 0%</span>;
  return rounded > 0 ? (
    <span className="font-semibold text-slate-100">
      <span aria-hidden="true">▲ </span>+{formatPercentRu(pct)}
    </span>
  ) : (
    <span className="text-sky-300">
      <span aria-hidden="true">▼ </span>
      {MINUS}
      {formatPercentRu(pct)}
    </span>
  );
}

/** The bottom padding holds the ▲ glyph's fallback font, whose box reaches a pixel or two under the line. */
export function TopCategories({ categories, categoryName, limit }: TopCategoriesProps) {
  const rows = categories.slice(0, limit);
  return (
    <section
      data-testid="top-categories"
      data-rows={rows.length}
      className="flex flex-none flex-col pb-[0.3vh]"
    >
      <h2 className="panel-heading">Главные темы недели</h2>
      {rows.length === 0 ? (
        <p className="panel-text text-slate-400">С понедельника обращений нет</p>
      ) : (
        <ol className="flex flex-col gap-[0.45vh]">
          {rows.map((c, i) => (
            <li
              key={c.category}
              data-testid="top-category"
              data-value={c.thisWeek}
              data-change-pct={c.changePct ?? ''}
              className="panel-text grid grid-cols-[1.6em_minmax(0,1fr)_auto_auto] items-baseline gap-x-[0.6vw]"
            >
              <span className="text-right tabular-nums text-slate-400">{i + 1}</span>
              <span className="panel-cond min-w-0 leading-[1.1]">{categoryName(c.category)}</span>
              <span className="text-right font-bold tabular-nums">{formatCountRu(c.thisWeek)}</span>
              <span className="text-right tabular-nums">
                <ChangePct pct={c.changePct} />
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
