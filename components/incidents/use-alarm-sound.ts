'use client';

import { useEffect, useState } from 'react';

/** A two-tone chime, repeated while the alarm stands: noticeable across a room, not a siren. */
const CHIME_EVERY_MS = 10_000;
const TONES_HZ = [880, 660] as const;
const TONE_S = 0.35;

export type AlarmSoundState = 'off' | 'playing' | 'blocked';

/**
 * Sounds the alarm on a screen configured for it. Browsers refuse sound before a user gesture: a wall PC's
 * kiosk browser is started with `--autoplay-policy=no-user-gesture-required` (README); otherwise the screen
 * says the sound is blocked instead of failing silently.
 */
export function useAlarmSound(enabled: boolean, alarming: boolean): AlarmSoundState {
  const [state, setState] = useState<AlarmSoundState>('off');
  useEffect(() => {
    if (!enabled || !alarming || typeof window.AudioContext === 'undefined') {
      setState('off');
      return;
    }
    const audio = new AudioContext();
    const play = () => {
      setState('playing');
      TONES_HZ.forEach((hz, i) => {
        const start = audio.currentTime + i * TONE_S;
        const osc = audio.createOscillator();
        const gain = audio.createGain();
        osc.frequency.value = hz;
        gain.gain.setValueAtTime(0.0001, start);
        gain.gain.exponentialRampToValueAtTime(0.4, start + 0.03);
        gain.gain.exponentialRampToValueAtTime(0.0001, start + TONE_S);
        osc.connect(gain).connect(audio.destination);
        osc.start(start);
        osc.stop(start + TONE_S);
      });
    };
    const chime = () => {
      if (audio.state === 'running') return play();
      // A context made without a user gesture starts suspended; resume() waits until the browser allows sound.
      setState('blocked');
      void audio.resume().then(play, () => setState('blocked'));
    };
    chime();
    const timer = setInterval(chime, CHIME_EVERY_MS);
    return () => {
      clearInterval(timer);
      void audio.close();
    };
  }, [enabled, alarming]);
  return state;
}
