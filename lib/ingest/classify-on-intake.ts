import { classifyText } from '../classify/classify-text';
import type { AppContext } from '../context';
import { computeDeadlines } from '../sla/deadline';
import { DEFAULT_DEADLINE_HOURS } from '../domain/limits';
import type { ValidComplaint } from './validate-complaint';
import type { ComplaintRow } from './complaint-row';

export type IntakeClassification = Pick<
  ComplaintRow,
  'blockCode' | 'categoryCode' | 'classSource' | 'classConfidence' | 'dueAt' | 'veryLateAt'
>;

/**
 * The block and category of a valid complaint (given by the source, or the offline classifier's when it is
 * confident; none otherwise) and its deadlines in that category's units (the default limit without one). The
 * same for every region's complaints, so a due time means the same on the home wall and in the federal view.
 */
export function classifyOnIntake(
  reference: AppContext['reference'],
  v: ValidComplaint,
): IntakeClassification {
  let { blockCode, categoryCode } = v;
  let classSource: ComplaintRow['classSource'] = categoryCode ? 'source' : null;
  let classConfidence: number | null = null;
  if (!categoryCode) {
    const guess = classifyText(v.input.text, blockCode ? { blockCode } : undefined);
    classConfidence = guess.confidence;
    if (guess.categoryCode) {
      categoryCode = guess.categoryCode;
      blockCode = reference.categories.get(guess.categoryCode)?.blockCode ?? guess.blockCode;
      classSource = 'classifier';
    }
  }
  const category = categoryCode ? reference.categories.get(categoryCode) : undefined;
  const { dueAt, veryLateAt } = computeDeadlines(v.receivedAt, {
    hours: category?.deadlineHours ?? DEFAULT_DEADLINE_HOURS,
    workingDays: category?.deadlineWorkingDays ?? null,
  });
  return { blockCode, categoryCode, classSource, classConfidence, dueAt, veryLateAt };
}
