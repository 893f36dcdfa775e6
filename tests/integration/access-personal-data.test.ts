import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as listComplaints } from '@/app/api/v1/complaints/route';
import { GET as history } from '@/app/api/v1/complaints/[id]/events/route';
import { GET as problem } from '@/app/api/v1/problems/[id]/route';
import { getComplaintFacts } from '@/lib/lifecycle/get-complaint-facts';
import { recordComplaints } from '@/lib/ingest/record-complaints';
import { recordTransitions } from '@/lib/lifecycle/record-transitions';
import { rerouteComplaint } from '@/lib/lifecycle/reroute-complaint';
import type { ComplaintFacts } from '@/lib/domain/access';
import { aComplaint } from '../helpers/complaint-factory';
import { grantDisplay, personalToken } from '../helpers/identities';
import { createRegisteredTestApp, type TestApp } from '../helpers/test-context';

/**
 * Issue 13, item 6: a complaint's text, answers and comments unmasked only for admins, operators and the executor
 * of that complaint; masked for analysts, block leads and displays; invisible (404) to another executor.
 */

const NAME = 'Иванова Мария Петровна';
const PHONE = '+7 916 123-45-67';
/** What must not survive masking: the name and any run of the phone's digits. */
const LEAKS = /Иванов|Мари[яи]|Петровн|916|123|45-67/;

let app: TestApp;
let id: number;
let facts: ComplaintFacts;
let otherExecutor: string;
/** The executor intake routed it to, before the operator passed it on. */
let firstExecutor: string;
let problemId: number;

interface History {
  complaint: { text: string; personal: boolean; executor: string; problemId: number };
  events: { answer: string | null; comment: string | null }[];
}

beforeAll(async () => {
  app = await createRegisteredTestApp();
  const [made] = await recordComplaints(app.ctx, [
    aComplaint({ text: `Нет горячей воды с утра. Звонила ${NAME}, тел. ${PHONE}, ждёт ответа.` }),
  ]);
  id = made!.id!;
  const routed = (await getComplaintFacts(app.ctx.db, id))!;
  firstExecutor = routed.executor!;
  const to = routed.executor === 'min-housing' ? 'min-health' : 'min-housing';
  const moved = await rerouteComplaint(app.ctx, {
    complaintId: id,
    executor: to,
    comment: `Заявитель ${NAME} просит перезвонить на ${PHONE}`,
    actor: 'user:test-operator',
  });
  expect(moved.status).toBe('applied');
  const [resolved] = await recordTransitions(app.ctx, [
    { complaintId: id, status: 'in_progress' },
    {
      complaintId: id,
      status: 'resolved',
      photoUrls: ['https://photos.example.org/fix/1.jpg'],
      answer: `Перезвонили заявителю ${NAME} по номеру ${PHONE}, воду дали.`,
    },
  ]).then((r) => r.slice(1));
  expect(resolved?.status).toBe('applied');
  facts = (await getComplaintFacts(app.ctx.db, id))!;
  expect(facts.executor).toBe(to);
  otherExecutor = [...app.ctx.reference.executors.keys()].find((e) => e !== to && e !== routed.executor)!;
});
afterAll(() => app?.close());

async function get(handler: typeof history, path: string, bearer: string, params: Record<string, string>) {
  const response = await handler(
    new Request(`http://test.local${path}`, { headers: { authorization: `Bearer ${bearer}` } }),
    { params: Promise.resolve(params as { id: string }) },
  );
  return { status: response.status, body: (await response.json()) as unknown };
}

const historyAs = async (bearer: string) =>
  get(history, `/api/v1/complaints/${id}/events`, bearer, { id: String(id) });

/** Every free text of a history: the message, answers and comments. */
function textsOf(body: History): string[] {
  return [body.complaint.text, ...body.events.flatMap((e) => [e.answer, e.comment])].filter(
    (t): t is string => t !== null,
  );
}

function expectUnmasked(body: History, who: string): void {
  expect(body.complaint.personal, who).toBe(true);
  const texts = textsOf(body).join('\n');
  expect(body.complaint.text, who).toContain(PHONE);
  expect(body.complaint.text, who).toContain(NAME);
  expect(texts, who).toContain(`Перезвонили заявителю ${NAME} по номеру ${PHONE}`);
  expect(texts, who).toContain(`Заявитель ${NAME} просит перезвонить на ${PHONE}`);
}

function expectMasked(body: History, who: string): void {
  expect(body.complaint.personal, who).toBe(false);
  const texts = textsOf(body);
  // The message, the comment and the answer are there, masked.
  expect(texts.length, who).toBeGreaterThanOrEqual(3);
  for (const text of texts) expect(text, who).not.toMatch(LEAKS);
  expect(body.complaint.text, who).toContain('Нет горячей воды');
}

describe('a complaint’s history by role', () => {
  it('admins, operators and the complaint’s own executor see it unmasked', async () => {
    const callers: [string, string][] = [
      ['admin', await personalToken(app.ctx, 'admin')],
      ['operator', await personalToken(app.ctx, 'operator')],
      ['its executor', await personalToken(app.ctx, 'executor', [facts.executor!])],
    ];
    for (const [who, bearer] of callers) {
      const res = await historyAs(bearer);
      expect(res.status, who).toBe(200);
      expectUnmasked(res.body as History, who);
    }
  });

  it('analysts and the block lead of its block see it masked', async () => {
    const callers: [string, string][] = [
      ['analyst', await personalToken(app.ctx, 'analyst')],
      ['block lead', await personalToken(app.ctx, 'block_lead', [facts.block!])],
      ['municipal', await personalToken(app.ctx, 'municipal', [facts.municipality!])],
    ];
    for (const [who, bearer] of callers) {
      const res = await historyAs(bearer);
      expect(res.status, who).toBe(200);
      expectMasked(res.body as History, who);
    }
  });

  it('the executor it was taken from, and any other executor, get 404', async () => {
    for (const executor of [firstExecutor, otherExecutor]) {
      const res = await historyAs(await personalToken(app.ctx, 'executor', [executor]));
      expect(res.status).toBe(404);
      expect(JSON.stringify(res.body)).not.toMatch(LEAKS);
    }
  });

  it('a display reads no history, and its wall views show masked excerpts only', async () => {
    const display = await grantDisplay(app.ctx, 'r1c2');
    const res = await historyAs(display);
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toMatch(LEAKS);

    const problemOf = (await historyAs(await personalToken(app.ctx, 'admin'))).body as History;
    problemId = problemOf.complaint.problemId;
    expect(problemId).toBeTruthy();
    const shown = await get(problem, `/api/v1/problems/${problemId}`, display, { id: String(problemId) });
    expect(shown.status).toBe(200);
    const items = (shown.body as { items: { id: number; excerpt: string }[] }).items;
    const ours = items.find((i) => i.id === id);
    expect(ours?.excerpt).toContain('Нет горячей воды');
    expect(JSON.stringify(shown.body)).not.toMatch(/Иванов|Петровн|45-67/);
  });
});

describe('complaint lists by role', () => {
  async function listAs(bearer: string) {
    const response = await listComplaints(
      new Request('http://test.local/api/v1/complaints?limit=100', {
        headers: { authorization: `Bearer ${bearer}` },
      }),
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { complaints: { id: number; text: string; personal: boolean }[] };
    return body.complaints.find((i) => i.id === id);
  }

  it('unmasked for operators and its executor, masked for analysts and its block lead, absent for others', async () => {
    const operator = await listAs(await personalToken(app.ctx, 'operator'));
    expect(operator).toMatchObject({ personal: true });
    expect(operator!.text).toContain(PHONE);
    const executor = await listAs(await personalToken(app.ctx, 'executor', [facts.executor!]));
    expect(executor).toMatchObject({ personal: true });
    for (const bearer of [
      await personalToken(app.ctx, 'analyst'),
      await personalToken(app.ctx, 'block_lead', [facts.block!]),
    ]) {
      const item = await listAs(bearer);
      expect(item).toMatchObject({ personal: false });
      expect(item!.text).not.toMatch(LEAKS);
    }
    expect(await listAs(await personalToken(app.ctx, 'executor', [otherExecutor]))).toBeUndefined();
  });
});
