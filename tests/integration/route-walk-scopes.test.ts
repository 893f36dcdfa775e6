import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { complaints } from '@/db/schema';
import { type Role } from '@/lib/domain/access';
import { issueCredential } from '@/lib/identity/issue-credential';
import { getComplaintFacts } from '@/lib/lifecycle/get-complaint-facts';
import { aComplaint } from '../helpers/complaint-factory';
import { grantDisplay, personalToken } from '../helpers/identities';
import { call, type Call } from '../helpers/route-table';
import {
  app,
  sourceKey,
  world,
  aStoredComplaint,
  anyProblemId,
  BBOX,
  setUpWalk,
  tearDownWalk,
} from '../helpers/route-walk-world';

/**
 * The scoped half of the route walk (issue 13): block leads, municipal users, executors and a block display reach
 * their own scope and get 403/404 outside it; a source key posts for its own source only.
 */

beforeAll(setUpWalk, 60_000);
afterAll(tearDownWalk);

// ---------------------------------------------------------------------------------------------------------
// Scoped roles: the right scope reaches, the wrong one is refused (403) or not even shown to exist (404).

const as = (role: Role, scopes: string[]) => personalToken(app.ctx, role, scopes);

async function statusOf(key: string, c: Call): Promise<number> {
  const response = await call(key, c);
  return response.status;
}

describe('scoped roles reach only their scope', () => {
  it('complaint lists: a scoped role asking outside its scope → 403', async () => {
    const lead = await as('block_lead', [world.block]);
    const list = 'GET /api/v1/complaints';
    expect(await statusOf(list, { bearer: lead, query: `?block=${world.block}` })).toBe(200);
    expect(await statusOf(list, { bearer: lead, query: `?block=${world.otherBlock}` })).toBe(403);
    const executor = await as('executor', [world.executor]);
    expect(await statusOf(list, { bearer: executor })).toBe(200);
    expect(await statusOf(list, { bearer: executor, query: `?executor=${world.otherExecutor}` })).toBe(403);
  });

  it('block lead: panel, summary, playback, problems and the drill-down of their block only', async () => {
    const mine = await as('block_lead', [world.block]);
    const theirs = await as('block_lead', [world.otherBlock]);
    const panel = 'GET /api/v1/blocks/[block]/panel';
    expect(await statusOf(panel, { bearer: mine, params: { block: world.block } })).toBe(200);
    expect(await statusOf(panel, { bearer: theirs, params: { block: world.block } })).toBe(403);
    for (const key of ['GET /api/v1/summary', 'GET /api/v1/problems'] as const) {
      expect(await statusOf(key, { bearer: mine, query: `?block=${world.block}` })).toBe(200);
      expect(await statusOf(key, { bearer: theirs, query: `?block=${world.block}` })).toBe(403);
      // The whole region is beyond any block lead.
      expect(await statusOf(key, { bearer: mine })).toBe(403);
    }
    const playback = 'GET /api/v1/playback';
    expect(await statusOf(playback, { bearer: mine, query: `?span=24h&block=${world.block}` })).toBe(200);
    expect(await statusOf(playback, { bearer: theirs, query: `?span=24h&block=${world.block}` })).toBe(403);
    expect(await statusOf(playback, { bearer: mine, query: '?span=24h' })).toBe(403);
    const drill = 'GET /api/v1/municipalities/[oktmo]';
    const town = { oktmo: world.municipality };
    expect(await statusOf(drill, { bearer: mine, params: town, query: `?block=${world.block}` })).toBe(200);
    expect(await statusOf(drill, { bearer: theirs, params: town, query: `?block=${world.block}` })).toBe(403);
    expect(await statusOf(drill, { bearer: mine, params: town })).toBe(403);
    const problem = await anyProblemId();
    expect(await statusOf('GET /api/v1/problems/[id]', { bearer: mine, params: { id: problem } })).toBe(200);
    expect(await statusOf('GET /api/v1/problems/[id]', { bearer: theirs, params: { id: problem } })).toBe(
      404,
    );
  });

  it('a block display: its block’s panel, summary and problems only', async () => {
    // r1c4 of the default layout shows the health block.
    const display = await grantDisplay(app.ctx, 'r1c4');
    const panel = 'GET /api/v1/blocks/[block]/panel';
    expect(await statusOf(panel, { bearer: display, params: { block: 'health' } })).toBe(200);
    expect(await statusOf(panel, { bearer: display, params: { block: 'education' } })).toBe(403);
    for (const key of ['GET /api/v1/summary', 'GET /api/v1/problems'] as const) {
      expect(await statusOf(key, { bearer: display, query: '?block=health' }), key).toBe(200);
      expect(await statusOf(key, { bearer: display, query: '?block=education' }), key).toBe(403);
      expect(await statusOf(key, { bearer: display }), key).toBe(403);
    }
    expect(
      await statusOf('GET /api/v1/playback', { bearer: display, query: '?span=24h&block=education' }),
    ).toBe(403);
    // Its grant names the wall view only: not the triage queue, the briefing or the network.
    for (const key of ['GET /api/v1/triage', 'GET /api/v1/briefing', 'GET /api/v1/regions'])
      expect(await statusOf(key, { bearer: display }), key).toBe(403);
  });

  it('municipal user: the drill-down, its complaints, summary and playback of their municipality only', async () => {
    const mine = await as('municipal', [world.municipality]);
    const theirs = await as('municipal', [world.otherMunicipality]);
    for (const key of [
      'GET /api/v1/municipalities/[oktmo]',
      'GET /api/v1/municipalities/[oktmo]/complaints',
    ]) {
      const c = { params: { oktmo: world.municipality }, query: `?bbox=${BBOX}` };
      expect(await statusOf(key, { ...c, bearer: mine }), key).toBe(200);
      expect([403, 404], key).toContain(await statusOf(key, { ...c, bearer: theirs }));
    }
    const q = `?municipality=${world.municipality}`;
    expect(await statusOf('GET /api/v1/summary', { bearer: mine, query: q })).toBe(200);
    expect(await statusOf('GET /api/v1/summary', { bearer: theirs, query: q })).toBe(403);
    expect(await statusOf('GET /api/v1/summary', { bearer: mine })).toBe(403);
    expect(
      await statusOf('GET /api/v1/playback', {
        bearer: mine,
        query: `?span=24h&municipality=${world.municipality}`,
      }),
    ).toBe(200);
    expect(
      await statusOf('GET /api/v1/playback', {
        bearer: theirs,
        query: `?span=24h&municipality=${world.municipality}`,
      }),
    ).toBe(403);
  });

  it('complaint history and events: executor, block lead and municipal user of that complaint only', async () => {
    const id = String(await aStoredComplaint());
    const facts = (await getComplaintFacts(app.ctx.db, Number(id)))!;
    const events = { params: { id } };
    const history = 'GET /api/v1/complaints/[id]/events';
    const post = 'POST /api/v1/complaints/[id]/events';

    const executor = await as('executor', [facts.executor!]);
    const otherExecutor = await as('executor', [world.otherExecutor]);
    expect(await statusOf(history, { ...events, bearer: executor })).toBe(200);
    expect(await statusOf(history, { ...events, bearer: otherExecutor })).toBe(404);
    expect(await statusOf(post, { ...events, bearer: otherExecutor, body: { status: 'in_progress' } })).toBe(
      404,
    );
    expect(await statusOf(post, { ...events, bearer: executor, body: { status: 'in_progress' } })).toBe(201);

    const lead = await as('block_lead', [facts.block!]);
    const otherLead = await as('block_lead', [world.otherBlock]);
    expect(await statusOf(history, { ...events, bearer: lead })).toBe(200);
    expect(await statusOf(history, { ...events, bearer: otherLead })).toBe(404);
    // A block lead reads but does not move a complaint.
    expect(await statusOf(post, { ...events, bearer: lead, body: { status: 'on_vote' } })).toBe(403);

    const second = { params: { id: String(await aStoredComplaint()) } };
    const municipal = await as('municipal', [facts.municipality!]);
    const otherMunicipal = await as('municipal', [world.otherMunicipality]);
    expect(await statusOf(history, { ...events, bearer: otherMunicipal })).toBe(404);
    expect(await statusOf(post, { ...events, bearer: otherMunicipal, body: { status: 'on_vote' } })).toBe(
      404,
    );
    expect(await statusOf(post, { ...second, bearer: municipal, body: { status: 'on_vote' } })).toBe(201);
  });

  it('routing: a block lead re-routes in their block only; executors and municipal users not at all', async () => {
    const id = String(await aStoredComplaint());
    const facts = (await getComplaintFacts(app.ctx.db, Number(id)))!;
    const to = facts.executor === 'min-housing' ? 'min-health' : 'min-housing';
    const routing = 'POST /api/v1/complaints/[id]/routing';
    const c = { params: { id }, body: { executor: to } };
    expect(await statusOf(routing, { ...c, bearer: await as('block_lead', [world.otherBlock]) })).toBe(404);
    expect(await statusOf(routing, { ...c, bearer: await as('executor', [facts.executor!]) })).toBe(403);
    expect(await statusOf(routing, { ...c, bearer: await as('municipal', [facts.municipality!]) })).toBe(403);
    expect(await statusOf(routing, { ...c, bearer: await as('block_lead', [facts.block!]) })).toBe(201);
  });
});

describe('source keys post for their own source only', () => {
  it('refuses another source naming `source`, stores nothing, and takes its own', async () => {
    const other = [...app.ctx.reference.sources.keys()].find((s) => s !== 'dobrodel')!;
    const foreign = aComplaint({ source: other });
    const refused = await call('POST /api/v1/complaints', { bearer: sourceKey, body: foreign });
    expect(refused.status).toBe(403);
    const body = (await refused.json()) as { error: { code: string; errors: { field: string }[] } };
    expect(body.error.code).toBe('forbidden');
    expect(body.error.errors.map((e) => e.field)).toEqual(['source']);
    const stored = await app.ctx.db
      .select({ id: complaints.id })
      .from(complaints)
      .where(eq(complaints.externalId, foreign.externalId!));
    expect(stored).toEqual([]);

    const batch = await call('POST /api/v1/complaints', {
      bearer: sourceKey,
      body: { complaints: [aComplaint(), aComplaint({ source: other })] },
    });
    expect(batch.status).toBe(403);
    expect(((await batch.json()) as { error: { errors: { field: string }[] } }).error.errors[0]!.field).toBe(
      'complaints[1].source',
    );

    const own = await call('POST /api/v1/complaints', { bearer: sourceKey, body: aComplaint() });
    expect(own.status).toBe(200);
  });

  it('a key bound to a region refuses another region', async () => {
    const { secret } = await issueCredential(app.ctx.db, {
      kind: 'source',
      sourceCode: 'dobrodel',
      regionCode: 'RU-SPE',
      label: 'region key',
      createdBy: 'test',
    });
    // A key for another region's center may not post for this one (a complaint without `region` is ours).
    const elsewhere = await call('POST /api/v1/complaints', { bearer: secret, body: aComplaint() });
    expect(elsewhere.status).toBe(403);
    expect(
      ((await elsewhere.json()) as { error: { errors: { field: string }[] } }).error.errors[0]!.field,
    ).toBe('source');
  });
});
