'use client';

import { isAlarming, type Incident } from '@/lib/incidents/types';
import { withPlural } from '@/lib/i18n/format-ru';
import { incidentHeadline, incidentVolume } from './format-incident';
import { useAlarmSound } from './use-alarm-sound';
import './incidents.css';

const INCIDENT_FORMS = ['новый инцидент', 'новых инцидента', 'новых инцидентов'] as const;

interface AlarmBannerProps {
  incidents: Incident[] | null;
  now: number;
  /** This screen sounds the alarm too (the wall layout's `alarmSound`). */
  sound?: boolean;
  /** In a replay the live alarm is not shown over the past minute. */
  hidden?: boolean;
  /**
   * Where the band sits: across the top of a screen without a header (`screen`), over the region overview's map
   * between its side columns (`region`), or across the top of a map box (`map`), so no title or clock is covered.
   */
  placement?: 'screen' | 'region' | 'map';
}

/**
 * The alarm: while an incident nobody has answered stands, a red band across the top of the screen names it
 * (and how many more), blinking its edge, with an optional chime. It goes the moment an operator
 * acknowledges it, on every screen at once, because it is drawn from the list the server sends.
 */
export function AlarmBanner({
  incidents,
  now,
  sound = false,
  hidden = false,
  placement = 'screen',
}: AlarmBannerProps) {
  // The newest alarm first: the one the room has not heard of yet.
  const unanswered = (incidents ?? [])
    .filter(isAlarming)
    .sort((a, b) => b.detectedAt.localeCompare(a.detectedAt));
  const soundState = useAlarmSound(sound && !hidden, unanswered.length > 0);
  if (hidden || unanswered.length === 0) return null;
  const [first] = unanswered;
  return (
    <div
      className={`incident-alarm incident-alarm--${placement}`}
      role="alert"
      data-testid="incident-alarm"
      data-count={unanswered.length}
    >
      <span className="incident-alarm__tag">ТРЕВОГА</span>
      <span className="incident-alarm__text">
        {incidentHeadline(first!)}
        <span className="incident-alarm__volume"> · {incidentVolume(first!, now)}</span>
      </span>
      <span className="incident-alarm__more">
        {unanswered.length > 1 ? withPlural(unanswered.length, INCIDENT_FORMS) : 'ждёт ответа оператора'}
        {soundState === 'blocked' ? ' · звук заблокирован браузером' : ''}
      </span>
    </div>
  );
}
