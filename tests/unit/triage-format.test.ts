import { describe, expect, it } from 'vitest';
import {
  confirmationText,
  formatDue,
  formatMoment,
  formatScore,
  placeLine,
  waitingFor,
  waitingHeadline,
} from '@/components/triage/triage-format';
import { moveSelection, selectionAfter, triageKeyAction } from '@/components/triage/triage-keys';
import { TriageLookup, type TriageNames } from '@/lib/triage/triage-names';

const NAMES: TriageNames = {
  sources: { incident: 'Система «Инцидент»' },
  blocks: [{ code: 'health', name: 'Здравоохранение' }],
  categories: [{ code: 'health.doctor-appointment', name: 'Запись к врачу', block: 'health' }],
  municipalities: { '46704000000': 'Балашиха', '46515000000': 'Дмитровский', '46758000000': 'Пушкинский' },
  executors: { 'min-health': 'Минздрав МО' },
};
const lookup = new TriageLookup(NAMES);
// 2026-11-23 09:30 in Moscow.
const NOW = Date.parse('2026-11-23T06:30:00Z');

const key = (code: string, extra: Partial<Parameters<typeof triageKeyAction>[0]> = {}) =>
  triageKeyAction({
    code,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    target: { tagName: 'LI' },
    ...extra,
  });

describe('triage wording', () => {
  it('counts waiting complaints with Russian plurals of noun and verb', () => {
    expect(waitingHeadline(7)).toBe('7\u00a0обращений ждут решения');
    expect(waitingHeadline(1)).toBe('1\u00a0обращение ждёт решения');
    expect(waitingHeadline(22)).toBe('22\u00a0обращения ждут решения');
    expect(waitingHeadline(11)).toBe('11\u00a0обращений ждут решения');
  });

  it('shows the wait and times in Moscow time whatever the zone', () => {
    expect(waitingFor('2026-11-23T06:18:00Z', NOW)).toBe('ждёт 12\u00a0минут');
    expect(formatMoment('2026-11-23T06:18:00Z', NOW)).toBe('09:18');
    // 22:30 UTC on the 22nd is already the 23rd in Moscow: still «today».
    expect(formatMoment('2026-11-22T22:30:00Z', NOW)).toBe('01:30');
    expect(formatMoment('2026-11-22T20:00:00Z', NOW)).toBe('22 ноября, 23:00');
    expect(formatMoment('2025-11-22T20:00:00Z', NOW)).toBe('22 ноября 2025\u00a0г., 23:00');
    expect(formatDue('2026-11-25T15:00:00Z', NOW)).toBe('до 25 ноября, 18:00');
  });

  it('formats confidence as a percentage and a missing one as a dash', () => {
    expect(formatScore(0.048)).toBe('4,8%');
    expect(formatScore(0.5)).toBe('50%');
    expect(formatScore(null)).toBe('—');
  });

  it('names the place, keeps an ambiguous name ambiguous and says when none was found', () => {
    expect(
      placeLine(
        {
          municipality: '46704000000',
          placeName: 'Балашиха',
          placeCandidates: [],
          possiblyForeignRegion: null,
        },
        lookup,
      ),
    ).toEqual({ kind: 'found', text: 'г.\u00a0о. Балашиха' });
    expect(
      placeLine(
        {
          municipality: '46758000000',
          placeName: 'Ивантеевка',
          placeCandidates: [],
          possiblyForeignRegion: null,
        },
        lookup,
      ).text,
    ).toBe('г.\u00a0о. Пушкинский, Ивантеевка');
    expect(
      placeLine(
        {
          municipality: null,
          placeName: 'Жуковка',
          placeCandidates: ['46515000000', '46758000000'],
          possiblyForeignRegion: null,
        },
        lookup,
      ),
    ).toEqual({ kind: 'ambiguous', text: 'место неоднозначно («Жуковка»): Дмитровский / Пушкинский' });
    expect(
      placeLine(
        { municipality: null, placeName: null, placeCandidates: [], possiblyForeignRegion: null },
        lookup,
      ),
    ).toEqual({
      kind: 'unknown',
      text: 'место не определено',
    });
  });

  it('says the text may be of another region', () => {
    expect(
      placeLine(
        {
          municipality: null,
          placeName: null,
          placeCandidates: [],
          possiblyForeignRegion: 'Курская область',
        },
        lookup,
      ),
    ).toEqual({ kind: 'foreign', text: 'возможно, другой регион: Курская область' });
  });

  it('confirms a decision with the executor, the category and the due time by name', () => {
    expect(
      confirmationText(
        {
          kind: 'classified',
          id: 12345,
          category: 'health.doctor-appointment',
          executor: 'min-health',
          dueAt: '2026-11-25T15:00:00Z',
        },
        lookup,
        NOW,
      ),
    ).toBe('№\u00a012345 → Минздрав МО · «Запись к врачу» · срок до 25 ноября, 18:00');
    expect(confirmationText({ kind: 'rejected', id: 7, reason: 'spam' }, lookup, NOW)).toBe(
      '№\u00a07 отклонено: спам',
    );
    expect(confirmationText({ kind: 'taken', id: 7 }, lookup, NOW)).toBe(
      '№\u00a07: уже обработано другим оператором',
    );
  });
});

describe('triage keys', () => {
  it('maps keys by position, so a Russian layout works too', () => {
    expect(key('Digit2')).toEqual({ kind: 'suggest', index: 1 });
    expect(key('KeyS')).toEqual({ kind: 'reject', reason: 'spam' });
    expect(key('ArrowDown')).toEqual({ kind: 'move', by: 1 });
    expect(key('KeyK')).toEqual({ kind: 'move', by: -1 });
    expect(key('KeyQ')).toBeNull();
  });

  it('leaves typing and browser shortcuts alone', () => {
    expect(key('KeyS', { target: { tagName: 'INPUT' } })).toBeNull();
    expect(key('KeyS', { ctrlKey: true })).toBeNull();
    expect(key('Digit1', { target: { tagName: 'DIV', isContentEditable: true } })).toBeNull();
  });

  it('moves the selection within the list and past a decided card', () => {
    expect(moveSelection([1, 2, 3], 2, 1)).toBe(3);
    expect(moveSelection([1, 2, 3], 3, 1)).toBe(3);
    expect(moveSelection([1, 2, 3], 1, -1)).toBe(1);
    expect(moveSelection([1, 2, 3], 9, 1)).toBe(1);
    expect(moveSelection([], null, 1)).toBeNull();
    expect(selectionAfter([1, 2, 3], 2)).toBe(3);
    expect(selectionAfter([1, 2, 3], 3)).toBe(2);
    expect(selectionAfter([1], 1)).toBeNull();
  });
});
