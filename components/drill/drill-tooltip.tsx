import type { MapComplaint } from '@/lib/drill/types';
import { formatShortTime } from '@/components/ui/format';
import { formatDurationRu } from '@/lib/i18n/format-ru';

const STATUS_RU: Record<string, string> = {
  new: 'новое',
  routed: 'передано исполнителю',
  in_progress: 'в работе',
  reopened: 'открыто повторно',
  resolved: 'решено',
  closed: 'закрыто',
  rejected: 'отклонено',
  on_vote: 'на голосовании',
};

const DAY_FORMAT = new Intl.DateTimeFormat('ru-RU', {
  timeZone: 'Europe/Moscow',
  day: 'numeric',
  month: 'short',
});

interface DrillTooltipProps {
  x: number;
  y: number;
  complaint: MapComplaint;
  categoryName: (code: string) => string;
}

/** One complaint under the pointer: category, when it came, where it stands, and its masked excerpt. */
export function DrillTooltip({ x, y, complaint: c, categoryName }: DrillTooltipProps) {
  const overdueBy = Date.now() - Date.parse(c.dueAt);
  return (
    <div
      role="tooltip"
      data-testid="drill-tooltip"
      data-id={c.id}
      className="pointer-events-none absolute z-10 w-[22vw] rounded-[0.4vh] border border-slate-500 bg-[rgb(15_23_42/0.96)] px-[0.8vw] py-[0.8vh] shadow-lg"
      style={{ left: x + 16, top: y + 16, transform: x > 600 ? 'translateX(calc(-100% - 32px))' : undefined }}
    >
      <div className="panel-text font-semibold">{categoryName(c.category)}</div>
      <div className="panel-small mt-[0.3vh] text-slate-300">
        {DAY_FORMAT.format(new Date(c.receivedAt))}, {formatShortTime(c.receivedAt)} ·{' '}
        {STATUS_RU[c.status] ?? c.status}
      </div>
      {c.overdue ? (
        <div className="panel-small font-bold text-warning">
          ▲ просрочено на {formatDurationRu(overdueBy)}
        </div>
      ) : null}
      {/* Masked on the server; a text node, never markup. */}
      <p className="panel-small mt-[0.4vh] line-clamp-4 text-slate-100">{c.excerpt}</p>
    </div>
  );
}
