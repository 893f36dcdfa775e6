import type { ProblemsPart } from '@/lib/panels/types';
import { formatCountRu } from '@/lib/i18n/format-ru';

/**
 * Problems against complaints: complaints of one category close in place and time are one problem, so 300 posts
 * about one outage read as one problem with 300 voices.
 */
export function ProblemsStrip({ problems }: { problems: ProblemsPart }) {
  return (
    <section
      data-testid="problems-strip"
      className="flex flex-none flex-col"
      aria-label="Проблемы и обращения"
    >
      <h2 className="panel-heading">Проблемы</h2>
      <p className="panel-text panel-cond truncate">
        <span
          data-testid="problems-open"
          data-value={problems.open}
          data-complaints={problems.openComplaints}
        >
          открыто <strong className="tabular-nums">{formatCountRu(problems.open)}</strong>
          <span className="text-slate-400"> из {formatCountRu(problems.openComplaints)} обращ.</span>
        </span>
        <span
          data-testid="problems-new-today"
          data-value={problems.newToday}
          data-complaints={problems.complaintsInNewToday}
        >
          {' · '}новых <strong className="tabular-nums">{formatCountRu(problems.newToday)}</strong>
        </span>
      </p>
    </section>
  );
}
