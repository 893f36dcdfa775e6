import { POST as postComplaints } from '@/app/api/v1/complaints/route';
import { GET as getHistory, POST as postEvent } from '@/app/api/v1/complaints/[id]/events/route';
import { POST as postRouting } from '@/app/api/v1/complaints/[id]/routing/route';
import { POST as postClassification } from '@/app/api/v1/complaints/[id]/classification/route';
import { POST as postReclassification } from '@/app/api/v1/complaints/[id]/reclassification/route';
import { GET as getTriage } from '@/app/api/v1/triage/route';
import { GET as getQuality } from '@/app/api/v1/quality/route';
import { GET as getSummary } from '@/app/api/v1/summary/route';
import { GET as getBlockPanel } from '@/app/api/v1/blocks/[block]/panel/route';
import { authedRequest } from './identities';

const BASE = 'http://test.local';

export interface Reply<T = unknown> {
  status: number;
  body: T;
}

async function reply<T>(response: Response): Promise<Reply<T>> {
  return { status: response.status, body: (await response.json()) as T };
}

type CommandHandler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

/** A `POST /api/v1/complaints/{id}/<command>` with a JSON body, through its real handler. */
function command(handler: CommandHandler, name: string) {
  return async <T = unknown>(id: number | string, body: unknown) =>
    reply<T>(
      await handler(
        await authedRequest(`${BASE}/api/v1/complaints/${id}/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ id: String(id) }) },
      ),
    );
}

/** Calls the real route handlers with real Request objects, as Next would. */
export const api = {
  postComplaints: async <T = unknown>(body: unknown, init: { raw?: string; contentType?: string } = {}) =>
    reply<T>(
      await postComplaints(
        await authedRequest(`${BASE}/api/v1/complaints`, {
          method: 'POST',
          headers: { 'content-type': init.contentType ?? 'application/json' },
          body: init.raw ?? JSON.stringify(body),
        }),
      ),
    ),
  postEvent: command(postEvent, 'events'),
  history: async <T = unknown>(id: number | string) =>
    reply<T>(
      await getHistory(await authedRequest(`${BASE}/api/v1/complaints/${id}/events`), {
        params: Promise.resolve({ id: String(id) }),
      }),
    ),
  postRouting: command(postRouting, 'routing'),
  postClassification: command(postClassification, 'classification'),
  postReclassification: command(postReclassification, 'reclassification'),
  triage: async <T = unknown>(query = '') =>
    reply<T>(await getTriage(await authedRequest(`${BASE}/api/v1/triage${query}`))),
  quality: async <T = unknown>(query = '') =>
    reply<T>(await getQuality(await authedRequest(`${BASE}/api/v1/quality${query}`))),
  summary: async <T = unknown>(query = '') =>
    reply<T>(await getSummary(await authedRequest(`${BASE}/api/v1/summary${query}`))),
  blockPanel: async <T = unknown>(block: string) =>
    reply<T>(
      await getBlockPanel(await authedRequest(`${BASE}/api/v1/blocks/${block}/panel`), {
        params: Promise.resolve({ block }),
      }),
    ),
};

export interface FieldErrorBody {
  field: string;
  message: string;
}

/** Body of a `POST /api/v1/complaints` answer. */
export interface IngestReply {
  results: { externalId: string | null; status: string; id?: number; errors?: FieldErrorBody[] }[];
}

/** Body of every API error. */
export interface ErrorReply {
  error: { status: number; code: string; message: string; errors?: FieldErrorBody[] };
}
