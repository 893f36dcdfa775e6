import type { Briefing } from '@/lib/briefing/types';
import {
  COMPLAINTS,
  ISSUES,
  countWith,
  describeCountChange,
  formatOneDecimal,
  formatSince,
  usualRange,
} from '@/components/briefing/format';
import { formatShare } from '@/lib/i18n/format-ru';
import { formatCountRu } from '@/lib/i18n/format-ru';
import { plural } from '@/lib/i18n/plural';
import { describeWeekChange } from '@/lib/stats/week-over-week';
import { placeOf } from './slide-tension';
import { movers } from './slide-blocks';
import { SlideFrame, type SlideMeta } from './slide-frame';

/** Urgent matters put to a vote are a breach the governor hears about, not a footnote. */
function misVoted(b: Briefing): string {
  const n = b.votes.notEligible.count;
  return n > 0 ? `; ещё ${countWith(n, ISSUES)} не для голосования вынесены ошибочно — вернуть в работу` : '';
}

/** The week's main points in sentences, built from the same payload as the slides before it. */
export function summaryPoints(b: Briefing): string[] {
  const h = b.headline;
  const noun = plural(h.received.current, COMPLAINTS);
  const change = describeWeekChange(h.received.current, h.received.previous).split(' — ')[1];
  const points = [`Поступило ${formatCountRu(h.received.current)} ${noun} — ${change}.`];
  const { grew, fell } = movers(b.blocks);
  if (grew[0])
    points.push(
      `Больше всего вырос блок «${grew[0].name}»: ${describeCountChange(grew[0].current, grew[0].previous).text} (${countWith(grew[0].current, COMPLAINTS)}).`,
    );
  if (fell[0])
    points.push(
      `Сильнее всего снизился блок «${fell[0].name}»: ${describeCountChange(fell[0].current, fell[0].previous).text}.`,
    );
  const t = b.tension.incidents[0];
  if (t)
    points.push(
      `Главный инцидент — ${placeOf(t)}, ${t.categoryName.toLowerCase()}: ${countWith(t.complaints, COMPLAINTS)} с ${formatSince(t.since)}, ${usualRange(t.usualLow, t.usualHigh)}.`,
    );
  const lag = b.municipalities.rows.find((r) => r.oktmo === b.municipalities.lagging[0]);
  if (lag)
    points.push(
      `Наибольшая нагрузка — ${lag.name}: ${formatOneDecimal(lag.per10k.current)} обращения на 10 тыс. жителей.`,
    );
  points.push(
    `Решено в срок ${formatShare(h.onTime.current.share)} (неделю назад ${formatShare(h.onTime.previous.share)}); на голосование вынесено ${countWith(b.votes.count.current, ISSUES)}${misVoted(b)}.`,
  );
  return points;
}

/** The closing slide: the few sentences the governor takes away. */
export function SlideSummary({ b, meta }: { b: Briefing; meta: SlideMeta }) {
  return (
    <SlideFrame
      meta={meta}
      id="summary"
      title="Главное за неделю"
      subtitle={`${b.week.label} в сравнении с ${b.previousWeek.label}`}
    >
      <ul className="flex h-full flex-col justify-center gap-[34px]">
        {summaryPoints(b).map((p) => (
          <li key={p} data-testid="summary-point" className="flex gap-[28px] text-[42px] leading-snug">
            <span className="mt-[18px] h-[18px] w-[18px] shrink-0 rounded-full bg-slate-400" />
            <span>{p}</span>
          </li>
        ))}
      </ul>
    </SlideFrame>
  );
}
