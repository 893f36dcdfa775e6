import type { RecentComplaint } from '@/lib/realtime/contract';
import { formatShortTime } from '@/components/ui/format';

/** Side by side along the bottom: three fit the width with two lines of text each. */
const TICKER_ITEMS = 3;

interface PanelTickerProps {
  recent: RecentComplaint[];
  categoryName: (code: string) => string;
  municipalityName: (oktmo: string | null) => string;
  items?: number;
  /** The masked excerpt after the place: at a desk; the wall shows category and place only. */
  excerpt?: boolean;
}

/** An excerpt cut at a word with «…»: read whole at the desk, never clipped mid-line by its box. */
const EXCERPT_CHARS = 90;
export function shortened(text: string, max = EXCERPT_CHARS): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20)).trimEnd()}…`;
}

export function PanelTicker(props: PanelTickerProps) {
  const { recent, categoryName, municipalityName, excerpt = true } = props;
  const items = recent.slice(0, props.items ?? TICKER_ITEMS);
  return (
    <section
      data-testid="panel-ticker"
      data-items={items.length}
      className="grid h-full min-h-0 grid-cols-[10vw_repeat(3,minmax(0,1fr))] gap-x-[1.2vw]"
      aria-label="Новые обращения"
    >
      <h2 className="panel-heading self-center leading-tight">Новые обращения</h2>
      {items.length === 0 ? (
        <p className="panel-text col-span-3 self-center text-slate-500">Пока не поступало</p>
      ) : (
        items.map((r) => (
          // Keyed by id: a new arrival mounts a new node, which plays the arrival highlight once.
          <article key={r.id} data-testid="ticker-item" data-id={r.id} className="wall-ticker-item min-w-0">
            {/* The category whole (it is what happened), wrapping if long; time and place under it. */}
            <div className="panel-text panel-cond leading-[1.1] font-semibold">
              {categoryName(r.category)}
            </div>
            <p className="panel-small panel-cond mt-[0.2vh] text-slate-300">
              <span className="tabular-nums text-cyan-200">{formatShortTime(r.receivedAt)}</span>{' '}
              <span className="font-semibold text-slate-100">{municipalityName(r.municipality)}</span>
              {/* Masked on the server; rendered as a text node only, never as markup. Shortened, not clipped. */}
              {excerpt ? ` · ${shortened(r.excerpt)}` : null}
            </p>
          </article>
        ))
      )}
    </section>
  );
}
