import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints } from '@/db/schema';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { getTriageQueue } from '@/lib/triage/get-triage-queue';
import { aComplaint } from '../helpers/complaint-factory';
import { createTestApp, type TestApp } from '../helpers/test-context';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function store(overrides: Parameters<typeof aComplaint>[0]) {
  const [result] = await recordComplaints(app.ctx, [aComplaint(overrides)]);
  expect(result!.status).toBe('created');
  const [row] = await app.ctx.db.select().from(complaints).where(eq(complaints.id, result!.id!));
  return row!;
}

describe('intake decides what a message does not say', () => {
  it('classifies a message without a category when the classifier is confident, and routes it', async () => {
    const row = await store({
      category: undefined,
      source: 'incident',
      text: 'Третий день нет горячей воды в доме, из крана только холодная, когда дадут горячую воду?',
    });
    expect(row).toMatchObject({
      blockCode: 'housing',
      categoryCode: 'housing.no-hot-water',
      classSource: 'classifier',
    });
    expect(row.classConfidence).toBeGreaterThan(0.45);
    expect(row.status).toBe('routed');
    expect(row.executorCode).toBeTruthy();
  });

  it('leaves a vague message without a category in the operator queue, unrouted', async () => {
    const row = await store({ category: undefined, text: 'Добрый день, подскажите, куда обратиться' });
    expect(row).toMatchObject({
      categoryCode: null,
      blockCode: null,
      classSource: null,
      status: 'new',
      executorCode: null,
    });
    expect(row.classConfidence).toBeLessThan(0.45);
  });

  it('finds the municipality and town from a place name in the text when there are no coordinates', async () => {
    const row = await store({
      lat: undefined,
      lon: undefined,
      text: 'В Балашихе на ул. Ленина вторые сутки нет горячей воды',
    });
    expect(row).toMatchObject({
      municipalityOktmo: '46704000000',
      placeSource: 'text',
      placeName: 'Балашиха',
    });
    expect(row.lat).not.toBeNull();
    expect(row.h3Coarse).toMatch(/^86/);
    const podolsk = await store({
      lat: undefined,
      lon: undefined,
      text: 'Жалоба из Подольска: во дворе не убран снег',
    });
    expect(podolsk.placeName).toBe('Подольск');
    expect(podolsk.municipalityOktmo).not.toBe('46704000000');
  });

  it('holds a text of another region for the operator, marked, with no place of ours and unrouted', async () => {
    const row = await store({
      category: undefined,
      lat: undefined,
      lon: undefined,
      text: 'Курская область, г. Курск, ул. Володарского, д. 5. Третий день нет горячей воды в доме, из крана только холодная',
    });
    expect(row).toMatchObject({
      possiblyForeignRegion: 'Курская область',
      municipalityOktmo: null,
      placeName: null,
      categoryCode: null,
      status: 'new',
      executorCode: null,
    });
    const queue = await getTriageQueue(app.ctx.db, { limit: 500 });
    expect(queue.items.find((i) => i.id === row.id)?.possiblyForeignRegion).toBe('Курская область');
  });

  it('keeps an ambiguous place name ambiguous: no municipality, the candidates stored', async () => {
    const row = await store({
      lat: undefined,
      lon: undefined,
      text: 'В Котельниках прорвало трубу, нет горячей воды',
    });
    expect(row.municipalityOktmo).toBeNull();
    expect(row.placeSource).toBeNull();
    expect(row.placeCandidates!.split(',').length).toBeGreaterThan(1);
  });

  it('counts a resource-intensive deadline in working days across the May holidays', async () => {
    // 30 Apr 2026, Thu 15:00 MSK, 8 working days: 1 May off, 2–3 weekend, 4–8 May (5), 9–10 weekend, 11 May off
    // (the transfer of 9 May), 12, 13, 14 May → the 8th working day ends at 00:00 MSK on 15 May.
    const row = await store({ category: 'housing.capital-repair', receivedAt: '2026-04-30T15:00:00+03:00' });
    expect(row.dueAt.toISOString()).toBe('2026-05-14T21:00:00.000Z');
    // Operational categories stay in hours.
    const hours = await store({ category: 'housing.no-hot-water', receivedAt: '2026-04-30T15:00:00+03:00' });
    expect(hours.dueAt.toISOString()).toBe('2026-05-01T12:00:00.000Z');
  });

  it('joins complaints of one category close in place and time into one problem', async () => {
    const a = await store({
      text: 'Нет горячей воды, ул. Свердлова 20',
      receivedAt: '2026-11-21T08:00:00+03:00',
    });
    const b = await store({
      text: 'И у нас нет горячей воды, Свердлова 22',
      receivedAt: '2026-11-21T09:00:00+03:00',
    });
    const other = await store({ category: 'housing.lift-broken', receivedAt: '2026-11-21T09:00:00+03:00' });
    expect(a.problemId).not.toBeNull();
    expect(b.problemId).toBe(a.problemId);
    expect(other.problemId).not.toBe(a.problemId);
  });
});
