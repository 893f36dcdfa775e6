import type { ClassifierScores } from '../../db/schema/classifier-versions';
import { LEARNING } from './settings';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;

/**
 * Whether a candidate beats the live version on the same held-out slice; null when it does, otherwise why not
 * (Russian: the admin page shows it). «Beats» means: at the calibrated precision target it routes more of the
 * held-out complaints by itself (higher coverage), its confident answers are not less accurate than the live
 * version's (or at least at the target), and its top guess over all of them loses at most `overallTolerance`.
 */
export function refusalOf(candidate: ClassifierScores, live: ClassifierScores): string | null {
  if (candidate.coverage === 0)
    return `ни при каком пороге точность на отложенных решениях не достигает ${pct(LEARNING.targetPrecision)}`;
  if (candidate.coverage <= live.coverage)
    return `охват ${pct(candidate.coverage)} не выше, чем у действующей версии (${pct(live.coverage)})`;
  if (candidate.confidentAccuracy < Math.min(live.confidentAccuracy, LEARNING.targetPrecision))
    return `точность уверенных ответов ${pct(candidate.confidentAccuracy)} ниже, чем у действующей (${pct(live.confidentAccuracy)})`;
  if (candidate.overallAccuracy < live.overallAccuracy - LEARNING.overallTolerance)
    return `точность первой подсказки ${pct(candidate.overallAccuracy)} ниже, чем у действующей (${pct(live.overallAccuracy)})`;
  return null;
}
