'use client';

import type { Incident } from '@/lib/realtime/contract';
import { AlarmBanner } from '@/components/incidents/alarm-banner';
import { useReplaying } from '@/components/playback/replay-legend';

/** The block's alarm, inside the playback provider so a replay hides it. */
export function BlockAlarm(props: { incidents: Incident[] | null; now: number; sound?: boolean }) {
  return <AlarmBanner {...props} hidden={useReplaying()} />;
}
