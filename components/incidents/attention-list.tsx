import type { Incident } from '@/lib/incidents/types';
import { INCIDENT_STATUS_RU, incidentAnswer, incidentHeadline, incidentVolume } from './format-incident';
import './incidents.css';

interface AttentionListProps {
  /** Null until the first list came: the list says so instead of «нет инцидентов». */
  incidents: Incident[] | null;
  /** Rows that fit the place the screen gives the list. */
  limit: number;
  now: number;
  /** A replay shows a past minute: the live list would lie in it. */
  hidden?: boolean;
  /** Two lines a row (what and where; how many and whether answered), for a narrow column; no executor. */
  compact?: boolean;
  /** Fill the box it is given and show only the rows that fit it whole (a block screen's incidents region). */
  fill?: boolean;
}

/** The unanswered first, the newest alarm on top (as the band names it); the answered after, as the server ranks. */
function byUrgency(incidents: readonly Incident[]): Incident[] {
  const unanswered = incidents.filter((i) => i.status === 'new');
  unanswered.sort((a, b) => b.detectedAt.localeCompare(a.detectedAt));
  return [...unanswered, ...incidents.filter((i) => i.status !== 'new')];
}

/**
 * «Внимание»: the incidents open now, the unanswered first, each with its place, what is wrong, how many wrote
 * against the usual, who must fix it and who answered the alarm. Red marks an unanswered one (a breach).
 */
export function AttentionList({
  incidents,
  limit,
  now,
  hidden = false,
  compact = false,
  fill = false,
}: AttentionListProps) {
  const shown = byUrgency(incidents ?? []).slice(0, limit);
  const more = (incidents?.length ?? 0) - shown.length;
  return (
    <section
      className={`flex flex-col ${fill ? 'min-h-0 flex-1' : 'shrink-0'}`}
      data-testid="attention-list"
      aria-live="polite"
    >
      <h2 className="wall-label mb-[1vh] text-slate-200">Внимание</h2>
      {hidden ? (
        <p className="wall-small text-slate-400">Инциденты не показываются в повторе</p>
      ) : incidents === null ? (
        <p className="wall-small text-slate-400">Загрузка…</p>
      ) : shown.length === 0 ? (
        <p className="wall-small text-slate-400">Инцидентов нет</p>
      ) : (
        // Filling a box, rows that do not fit whole wrap out of it (.whole-rows): none shows cut in half.
        <ol className={fill ? 'whole-rows min-h-0 flex-1 gap-y-[1vh]' : 'flex flex-col gap-[1vh]'}>
          {shown.map((incident) => (
            <li
              key={incident.id}
              className="incident-row"
              data-status={incident.status}
              data-testid="attention-item"
            >
              <div className="wall-body font-semibold text-slate-50">{incidentHeadline(incident)}</div>
              <div className="wall-small tabular-nums text-slate-300">
                {incidentVolume(incident, now)}
                {compact ? (
                  <>
                    {' · '}
                    <span className={incident.status === 'new' ? 'text-breach font-semibold' : ''}>
                      {INCIDENT_STATUS_RU[incident.status]}
                    </span>
                  </>
                ) : null}
              </div>
              {compact ? null : (
                <div className="wall-small text-slate-400">
                  {incident.executor ? `${incident.executor} · ` : ''}
                  <span className={incident.status === 'new' ? 'text-breach font-semibold' : ''}>
                    {incidentAnswer(incident)}
                  </span>
                </div>
              )}
            </li>
          ))}
          {more > 0 && !fill && <li className="wall-small text-slate-400">и ещё {more}</li>}
        </ol>
      )}
    </section>
  );
}
