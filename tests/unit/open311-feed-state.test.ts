import { describe, expect, it } from 'vitest';
import { feedStatusOf, notesOf } from '@/lib/open311/feed-state';
import { parseSloppyDate } from '@/lib/open311/parse-sloppy-date';

describe('feedStatusOf', () => {
  it.each([
    ['open', 'open'],
    ['Open', 'open'],
    ['closed', 'closed'],
    ['Closed', 'closed'],
    ['CLOSED - Duplicate', 'closed'],
    ['completed', 'closed'],
    ['Resolved', 'closed'],
    ['in_progress', 'in_progress'],
    ['In Progress', 'in_progress'],
    ['acknowledged', 'in_progress'],
    ['open (acknowledged)', 'open'],
  ])('%s → %s', (raw, status) => {
    expect(feedStatusOf(raw)).toBe(status);
  });

  it('knows nothing of an invented word', () => {
    expect(feedStatusOf('teleported')).toBeNull();
  });
});

describe('notesOf', () => {
  it('joins status_notes and a notes list of objects, each sentence once, decoded', () => {
    expect(
      notesOf({
        status_notes: 'Crew sent &amp; done',
        notes: [{ summary: 'Crew sent & done', description: 'Filled', datetime: '2026-11-02T10:00:00Z' }],
      }),
    ).toBe('Crew sent & done\nFilled');
    expect(notesOf({ status_notes: '' })).toBeNull();
  });
});

describe('parseSloppyDate without an offset', () => {
  it('is refused as such without a zone, and read in the zone when one is given', () => {
    expect(parseSloppyDate('2026-11-03 10:00:00', undefined)).toEqual({ ok: false, noOffset: true });
    expect(parseSloppyDate('2026-11-03 10:00:00', 'Europe/Berlin')).toEqual({
      ok: true,
      at: new Date('2026-11-03T09:00:00Z'),
      assumedZone: true,
    });
    expect(parseSloppyDate('2026-11-03T10:00:00-05:00', undefined)).toMatchObject({ ok: true });
    expect(parseSloppyDate('yesterday', undefined)).toEqual({ ok: false, noOffset: false });
  });
});
