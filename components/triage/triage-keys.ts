import type { RejectionReason } from '../../lib/domain/statuses';

/** What a key does on the operator queue; every action applies to the selected card. */
export type TriageKeyAction =
  | { kind: 'suggest'; index: number }
  | { kind: 'move'; by: 1 | -1 }
  | { kind: 'reject'; reason: RejectionReason }
  | { kind: 'pick' };

/**
 * Keys by physical position (`KeyboardEvent.code`), so they work whatever the layout: an operator typing in
 * Russian has «ы» under S and «о» under J.
 */
const ACTIONS: Readonly<Record<string, TriageKeyAction>> = {
  Digit1: { kind: 'suggest', index: 0 },
  Digit2: { kind: 'suggest', index: 1 },
  Digit3: { kind: 'suggest', index: 2 },
  Numpad1: { kind: 'suggest', index: 0 },
  Numpad2: { kind: 'suggest', index: 1 },
  Numpad3: { kind: 'suggest', index: 2 },
  KeyJ: { kind: 'move', by: 1 },
  ArrowDown: { kind: 'move', by: 1 },
  KeyK: { kind: 'move', by: -1 },
  ArrowUp: { kind: 'move', by: -1 },
  KeyS: { kind: 'reject', reason: 'spam' },
  KeyN: { kind: 'reject', reason: 'not_competence' },
  KeyD: { kind: 'reject', reason: 'insufficient_data' },
  KeyC: { kind: 'pick' },
};

/** The labels printed on the buttons, matching {@link ACTIONS}. */
export const TRIAGE_HOTKEYS = {
  suggestions: ['1', '2', '3'],
  pick: 'C',
  reject: { spam: 'S', not_competence: 'N', insufficient_data: 'D' },
} as const;

/** The rejections the queue offers as buttons, in display order. */
export const QUEUE_REJECTIONS = ['spam', 'not_competence', 'insufficient_data'] as const;

interface KeyLike {
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The element that has focus when the key is pressed. */
  target: { tagName?: string; isContentEditable?: boolean } | null;
}

/**
 * The action of a key press, or null when the key is not ours: a modifier is held (browser shortcuts stay
 * the browser's) or the operator is typing in a field.
 */
export function triageKeyAction(event: KeyLike): TriageKeyAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const tag = event.target?.tagName?.toUpperCase();
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || event.target?.isContentEditable)
    return null;
  return ACTIONS[event.code] ?? null;
}

/** The id selected after moving `by` from `current` in `ids`, clamped to the ends. */
export function moveSelection(ids: readonly number[], current: number | null, by: 1 | -1): number | null {
  if (ids.length === 0) return null;
  const at = current === null ? -1 : ids.indexOf(current);
  if (at < 0) return ids[0]!;
  return ids[Math.min(ids.length - 1, Math.max(0, at + by))]!;
}

/** Who is selected once `decided` leaves the list: the next card, or the previous one at the end. */
export function selectionAfter(ids: readonly number[], decided: number): number | null {
  const at = ids.indexOf(decided);
  if (at < 0) return ids[0] ?? null;
  return ids[at + 1] ?? ids[at - 1] ?? null;
}
