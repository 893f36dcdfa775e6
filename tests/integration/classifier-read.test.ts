import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as postRead } from '@/app/api/v1/classifier/read/route';
import type { Role } from '@/lib/domain/access';
import { authedRequest } from '../helpers/identities';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

const URL = 'http://test.local/api/v1/classifier/read';

let app: TestApp;
beforeAll(async () => {
  app = await createRegisteredTestApp();
});
afterAll(() => app.close());

async function read(body: unknown, role: Role = 'operator') {
  const response = await postRead(
    await authedRequest(
      URL,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
      role,
    ),
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('POST /api/v1/classifier/read: how intake would read a text', () => {
  it('gives the live classifier’s category at its threshold and the place, and stores nothing', async () => {
    const before = await app.ctx.db.execute('select count(*)::int as n from complaints');
    const res = await read({
      text: '<p>Добрый день!</p> Балашиха, третий день нет горячей воды в доме. С уважением, Иван',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      category: 'housing.no-hot-water',
      block: 'housing',
      threshold: 0.45,
      version: null,
      place: { kind: 'found', oktmo: '46704000000' },
    });
    expect(res.body.confidence).toBeGreaterThanOrEqual(0.45);
    expect(await app.ctx.db.execute('select count(*)::int as n from complaints')).toEqual(before);
  });

  it('marks a text from another region as foreign, with no place of ours', async () => {
    const res = await read({
      text: 'Курская область, г. Курск, ул. Володарского 14: неделю не вывозят мусор',
    });
    expect(res.status).toBe(200);
    expect(res.body.place).toMatchObject({ kind: 'foreign', region: expect.stringMatching(/Курская/) });
  });

  it('names the field of a bad body and refuses roles that do not classify', async () => {
    expect(await read({ text: '' })).toMatchObject({
      status: 400,
      body: { error: { errors: [{ field: 'text' }] } },
    });
    expect(await read({ text: 'яма', block: 'roads' })).toMatchObject({
      status: 400,
      body: { error: { errors: [{ field: 'block' }] } },
    });
    expect((await read({ text: 'яма на дороге' }, 'analyst')).status).toBe(403);
  });
});
