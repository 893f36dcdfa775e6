import { Writable } from 'node:stream';
import { count, inArray, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaintKeys, complaints } from '@/db/schema';
import type { App } from '@/lib/app/create-app';
import { aComplaint } from '../helpers/complaint-factory';
import { api, type ErrorReply, type IngestReply } from '../helpers/route-client';
import { createWholeTestApp } from '../helpers/test-context';

// One caller whose row the database refuses must not take the other callers of its group commit down, and
// its failure must be logged without the resident's text. The refusal comes from a trigger this test adds:
// validation stops every value the database would refuse by itself, so none is left to send.

const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(chunk.toString('utf8'));
    done();
  },
});
let app: App;

const MARK = 'ОТКАЗАТЬ-ТРИГГЕРОМ';
const SECRET = 'Иванова Мария Петровна, тел. 89161234567, кв. 42';

beforeAll(async () => {
  app = await createWholeTestApp({
    log: pino({ level: 'debug' }, capture),
    register: { buildId: 'test' },
  });
  await app.ctx.db.execute(
    sql.raw(`create function hostile_refuse() returns trigger language plpgsql as $$
      begin
        if new.text like '%${MARK}%' then raise exception 'refused by the test trigger'; end if;
        return new;
      end $$`),
  );
  await app.ctx.db.execute(
    sql.raw(
      'create trigger hostile_refuse before insert on complaints for each row execute function hostile_refuse()',
    ),
  );
});
afterAll(() => app.close());

describe('a failing caller of a group commit', () => {
  it('fails alone: 10 of 11 concurrent requests are stored exactly once, the 11th answers 500', async () => {
    // A big batch first keeps the writer busy, so the 11 queue up and are merged into one transaction.
    const blocker = api.postComplaints<IngestReply>({ complaints: [...Array(300)].map(() => aComplaint()) });
    const items = [...Array(11)].map((_, i) =>
      aComplaint(i === 5 ? { text: `${MARK} ${SECRET}`, address: SECRET } : {}),
    );
    const replies = await Promise.all(
      items.map((item) => api.postComplaints<IngestReply | ErrorReply>(item)),
    );
    expect((await blocker).status).toBe(200);

    replies.forEach((res, i) => {
      if (i === 5) {
        expect(res.status).toBe(500);
        expect(res.body).toEqual({
          error: { status: 500, code: 'internal', message: 'internal error', errors: [] },
        });
      } else {
        expect(res.status).toBe(200);
        expect((res.body as IngestReply).results[0]).toMatchObject({ status: 'created' });
      }
    });
    const good = items.filter((_, i) => i !== 5).map((item) => item.externalId);
    const [stored] = await app.ctx.db
      .select({ n: count() })
      .from(complaints)
      .where(inArray(complaints.externalId, good));
    expect(stored!.n).toBe(10);
    const [guilty] = await app.ctx.db
      .select({ n: count() })
      .from(complaintKeys)
      .where(inArray(complaintKeys.externalId, [items[5]!.externalId]));
    expect(guilty!.n).toBe(0);

    // The guilty key is not burned: once the database accepts the text, the same request is created.
    await app.ctx.db.execute(sql.raw('drop trigger hostile_refuse on complaints'));
    const again = await api.postComplaints<IngestReply>({ ...items[5]!, text: 'Нет воды' });
    expect(again.body.results[0]).toMatchObject({ status: 'created' });
  });

  it('logs the failure by class and code, with no part of the resident text or the SQL parameters', () => {
    const failures = lines.filter((line) => line.includes('request failed'));
    expect(failures.length).toBeGreaterThan(0);
    const logged = JSON.parse(failures[0]!) as { err: { class: string }; path: string };
    expect(logged.path).toBe('/api/v1/complaints');
    expect(logged.err.class).toMatch(/Error/);
    const all = lines.join('\n');
    for (const part of [MARK, 'Иванова', '89161234567', 'кв. 42', 'refused by the test trigger', 'params'])
      expect(all).not.toContain(part);
  });
});
