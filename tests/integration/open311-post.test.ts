import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { complaints, credentials } from '@/db/schema';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { issueSourceKey } from '@/lib/identity/issue-source-key';
import { revokeSourceKey } from '@/lib/identity/revoke-source-key';
import { hashSecret } from '@/lib/identity/secrets';
import { verifyApiKey } from '@/lib/open311/api-keys';
import type { GeoReportCreated, GeoReportRequest } from '@/lib/open311/types';
import { aComplaint, TOWNS } from '../helpers/complaint-factory';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';
import { open311, type GeoError } from '../fixtures/open311/open311-client';

let app: TestApp;
let key: string;
const [lat, long] = TOWNS.podolsk;

const stored = async (id: string) =>
  (
    await app.ctx.db
      .select()
      .from(complaints)
      .where(eq(complaints.id, Number(id)))
  )[0]!;

beforeAll(async () => {
  app = await createRegisteredTestApp();
  key = await issueKey('municipal', 'Подольск: мобильное приложение');
});

const SYSTEM = { kind: 'system', name: 'test' } as const;

async function issueKey(source: string, label: string): Promise<string> {
  const issued = await issueSourceKey(app.ctx.db, app.ctx.reference, SYSTEM, { source, label });
  if (!issued.ok) throw new Error(JSON.stringify(issued.errors));
  return issued.key;
}
afterAll(() => app.close());

describe('API keys', () => {
  it('an api_key is a source key: only its SHA-256 is stored and it verifies to its source', async () => {
    const fresh = await issueKey('agencies', 'test');
    expect(fresh).toMatch(/^cur_src_[A-Za-z0-9_-]{43}$/);
    const rows = await app.ctx.db.select().from(credentials).where(eq(credentials.label, 'test'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashSecret(fresh));
    expect(rows[0]!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows[0])).not.toContain(fresh);
    expect((await verifyApiKey(app.ctx.db, fresh))?.source).toBe('agencies');
    expect(await verifyApiKey(app.ctx.db, `${fresh}x`)).toBeNull();
    expect(await verifyApiKey(app.ctx.db, '')).toBeNull();
  });

  it('revokes a key for good', async () => {
    const doomed = await issueKey('agencies', 'doomed');
    const [row] = await app.ctx.db.select().from(credentials).where(eq(credentials.label, 'doomed'));
    expect(await revokeSourceKey(app.ctx.db, app.ctx.revocations, SYSTEM, row!.id, app.ctx.now())).toBe(true);
    expect(await verifyApiKey(app.ctx.db, doomed)).toBeNull();
    const res = await open311.post<GeoError>({
      api_key: doomed,
      service_code: 'transport.pothole',
      lat,
      long,
      description: 'Яма',
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual([{ code: 403, description: 'api_key: is unknown or revoked' }]);
  });

  it('holds a key to its region: one issued for another region may not post the home region’s requests', async () => {
    const issued = await issueSourceKey(app.ctx.db, app.ctx.reference, SYSTEM, {
      source: 'municipal',
      region: 'RU-SPE',
      label: 'Петербург',
    });
    if (!issued.ok) throw new Error(JSON.stringify(issued.errors));
    const res = await open311.post<GeoError>({
      api_key: issued.key,
      service_code: 'transport.pothole',
      lat,
      long,
      description: 'Яма',
    });
    expect(res.status).toBe(403);
    expect(res.body).toEqual([{ code: 403, description: 'api_key: this key speaks for region RU-SPE only' }]);
  });
});

describe('POST /open311/v2/requests.json', () => {
  it('takes a form post, answers 201 with the id and the deadline, and stores no personal data', async () => {
    const res = await open311.post<GeoReportCreated[]>({
      api_key: key,
      jurisdiction_id: 'mosreg.ru',
      service_code: 'transport.pothole',
      lat,
      long,
      description: 'Яма на въезде во двор, колесо пробили',
      media_url: 'https://photos.example.org/pothole.jpg',
      first_name: 'Фёдор',
      last_name: 'Кузнецов',
      email: 'fedor@example.org',
      phone: '+79161234567',
    });
    expect(res.status).toBe(201);
    expect(res.body).toHaveLength(1);
    expect(Object.keys(res.body[0]!).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    const { service_request_id: id, service_notice: notice, account_id: account } = res.body[0]!;
    expect(id).toMatch(/^\d+$/);
    expect(account).toBeNull();
    expect(notice).toMatch(/^Срок ответа — до \d{2}\.\d{2}\.\d{4} \d{2}:\d{2} \(МСК\)$/);

    const row = await stored(id);
    expect(row.sourceCode).toBe('municipal');
    expect(row.categoryCode).toBe('transport.pothole');
    expect([row.lat, row.lon]).toEqual([lat, long]);
    expect(row.text).toBe(
      'Яма на въезде во двор, колесо пробили\n\nФото заявителя: https://photos.example.org/pothole.jpg',
    );
    expect(JSON.stringify(row)).not.toMatch(/Фёдор|Кузнецов|fedor@|79161234567/);
    expect(Math.abs(row.receivedAt.getTime() - Date.now())).toBeLessThan(60_000);

    const [shown] = (await open311.request<GeoReportRequest[]>(`${id}.json`)).body;
    expect(shown!.service_notice).toBe(notice);
  });

  it('takes JSON with an address only, and a retried post with the client id stores nothing new', async () => {
    const fields = {
      api_key: key,
      service_code: 'housing.no-hot-water',
      address_string: 'Подольск, ул. Кирова, 10',
      description: 'Нет горячей воды в доме',
      service_request_id: 'app-42',
    };
    const first = await open311.post<GeoReportCreated[]>(fields, { json: true });
    expect(first.status).toBe(201);
    const row = await stored(first.body[0]!.service_request_id);
    expect(row.externalId).toBe('app-42');
    expect(row.address).toBe('Подольск, ул. Кирова, 10');
    const again = await open311.post<GeoReportCreated[]>(fields);
    expect(again.status).toBe(200);
    expect(again.body[0]!.service_request_id).toBe(first.body[0]!.service_request_id);
  });

  it('answers 403 without a key or with an unknown one', async () => {
    const base = { service_code: 'transport.pothole', lat, long, description: 'Яма' };
    const none = await open311.post<GeoError>(base);
    expect(none.status).toBe(403);
    expect(none.body).toEqual([{ code: 403, description: expect.stringMatching(/^api_key: is required/) }]);
    const wrong = await open311.post<GeoError>({ ...base, api_key: 'not-a-key' });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toEqual([{ code: 403, description: 'api_key: is unknown or revoked' }]);
  });

  it('answers 400 naming each field and why, storing nothing', async () => {
    const before = await app.ctx.db.$count(complaints);
    const good = { api_key: key, service_code: 'transport.pothole', lat, long, description: 'Яма' };
    const cases: [Record<string, string | number>, string][] = [
      [{ ...good, service_code: 'potholes' }, 'service_code: unknown service_code "potholes"'],
      [{ ...good, description: '' }, 'description: is required'],
      [
        { api_key: key, service_code: 'transport.pothole', description: 'Яма' },
        'address_string: is required when lat and long are not given',
      ],
      [{ ...good, long: '' }, 'long: is required when the other coordinate is given'],
      [{ ...good, lat: 'north' }, 'lat: must be a decimal number'],
      [{ ...good, lat: 55.7558, long: 37.6173 }, 'lat: the point (lat, lon) is outside Moscow Oblast'],
      [{ ...good, media_url: 'ftp://example.org/a.jpg' }, 'media_url: must be an http or https URL'],
      [{ ...good, description: 'я'.repeat(4001) }, 'description: must be at most 4000 characters'],
    ];
    for (const [fields, description] of cases) {
      const res = await open311.post<GeoError>(fields);
      expect(res.status, description).toBe(400);
      expect(res.body, description).toEqual([{ code: 400, description }]);
    }
    expect(await app.ctx.db.$count(complaints)).toBe(before);
  });

  it('answers 415 for another content type and 400 for malformed JSON', async () => {
    const text = await open311.post<GeoError>({ api_key: key }, { contentType: 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body[0]!.description).toMatch(
      /^content-type: must be application\/x-www-form-urlencoded or application\/json/,
    );
    const broken = await open311.post<GeoError>({}, { contentType: 'application/json', json: false });
    expect(broken.status).toBe(400);
    expect(broken.body[0]!.description).toMatch(/^body: is not valid JSON/);
  });

  it('answers 503 with Retry-After while the writer is full, storing nothing', async () => {
    const limit = vi.spyOn(app.ctx.writer, 'maxQueuedItems', 'get').mockReturnValue(1);
    let release!: () => void;
    const busy = app.ctx.writer.run(0, () => new Promise<void>((resolve) => (release = resolve)));
    const waiting = recordComplaints(app.ctx, [aComplaint()]);
    try {
      const res = await open311.post<GeoError>({
        api_key: key,
        service_code: 'transport.pothole',
        lat,
        long,
        description: 'Яма в час пик',
      });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(res.body[0]!.description).toMatch(/^body: not stored; the intake is busy/);
    } finally {
      limit.mockRestore();
      release();
      await busy;
      await waiting;
    }
    const texts = await app.ctx.db.select({ text: complaints.text }).from(complaints);
    expect(texts.map((t) => t.text)).not.toContain('Яма в час пик');
  });
});
