import type { TensionPoint } from '@/lib/panels/types';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { formatTimesRu } from '@/components/ui/format-panel';
import { DrillLink } from '@/components/ui/drill-link';

const EXPECTED_FORMAT = new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 });

interface TensionListProps {
  tension: TensionPoint[];
  municipalityName: (oktmo: string | null) => string;
  limit: number;
}

/**
 * A cell is named by the municipality holding most of its complaints. Short names are nominative (and half of
 * them adjectives: «Сергиево-Посадский»), so the place is «район в округе …», which reads right for all.
 */
export function tensionPlace(t: TensionPoint, municipalityName: (oktmo: string | null) => string): string {
  const name = municipalityName(t.municipality ?? (t.kind === 'municipality' ? t.key : null));
  return t.kind === 'cell' ? `район в округе ${name}` : name;
}

export function TensionList({ tension, municipalityName, limit }: TensionListProps) {
  const items = tension.slice(0, limit);
  const more = tension.length - items.length;
  return (
    <section data-testid="tension-list" data-count={tension.length} className="flex shrink-0 flex-col">
      {/* The detection window is the current and the previous clock hour. */}
      <h2 className="panel-heading">
        Точки напряжённости{' '}
        <span className="panel-small normal-case tracking-normal text-slate-400">за 2 ч</span>
      </h2>
      {items.length === 0 ? (
        <p className="panel-text text-slate-300" data-testid="tension-empty">
          Всплесков нет — нагрузка в пределах обычной для этого часа
        </p>
      ) : (
        <ol className="flex flex-col gap-[0.8vh]">
          {items.map((t) => (
            <li
              key={`${t.kind}:${t.key}`}
              data-testid="tension-item"
              data-kind={t.kind}
              data-key={t.key}
              data-municipality={t.municipality ?? ''}
              data-observed={t.observed}
              className="panel-tension-item"
            >
              <div className="panel-text panel-cond truncate font-bold text-breach">
                <span aria-hidden="true">▲ </span>
                <DrillLink oktmo={t.municipality ?? (t.kind === 'municipality' ? t.key : null)}>
                  {tensionPlace(t, municipalityName)}
                </DrillLink>
              </div>
              <div className="panel-small panel-cond truncate text-slate-300">
                <span className="font-semibold text-breach">{formatTimesRu(t.ratio)} выше нормы:</span>{' '}
                {formatCountRu(t.observed)} при норме {EXPECTED_FORMAT.format(t.expected)}
              </div>
            </li>
          ))}
          {more > 0 ? (
            <li className="panel-small text-slate-400" data-testid="tension-more">
              и ещё {more}
            </li>
          ) : null}
        </ol>
      )}
    </section>
  );
}
