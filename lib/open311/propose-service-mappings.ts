import { sql } from 'drizzle-orm';
import { open311ServiceMappings } from '../../db/schema';
import { classifyText } from '../classify/classify-text';
import type { AppContext } from '../context';
import { egressRefusal } from '../egress/check-egress';
import { egressFetch } from '../egress/egress-fetch';
import { statusReason } from '../egress/status-reason';
import { fetchFeed } from './fetch-feed';
import { listServiceMappings, type ServiceMapping } from './list-service-mappings';
import { FeedError } from './parse-feed';
import { parseServices, type FeedService } from './parse-services';
import { resolveEndpoint } from './prepare-import';

export interface ServicesOptions {
  /** The server's GeoReport root, or any of its .json / .xml files: services.json (then .xml) is read beside it. */
  baseUrl: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export type ServicesRead =
  { ok: true; sourceHost: string; services: ServiceMapping[] } | { ok: false; error: string };

/** Answers that mean "no JSON here": the server may still speak XML. */
const NO_JSON_STATUSES = new Set([404, 406, 415, 501]);

async function fetchServices(url: URL, options: ServicesOptions): Promise<FeedService[]> {
  const fetchFn = options.fetch ?? egressFetch;
  const timeout = options.timeoutMs ?? 30_000;
  let response = await fetchFeed(fetchFn, url.toString(), timeout);
  if (NO_JSON_STATUSES.has(response.status) && url.pathname.endsWith('.json')) {
    url.pathname = url.pathname.replace(/services\.json$/, 'services.xml');
    response = await fetchFeed(fetchFn, url.toString(), timeout);
  }
  if (response.status < 200 || response.status > 299)
    throw new FeedError(`HTTP ${response.status} from ${url}: ${statusReason(response.status)}`);
  return parseServices(response.body);
}

/** Below this the classifier's best guess is noise (a foreign-language name, say): no proposal then. */
const MIN_PROPOSAL_SCORE = 0.2;

/**
 * Our category for a service, by the classifier on its name, group and description: its confident answer, or
 * its best guess when that is at least MIN_PROPOSAL_SCORE; otherwise none (the admin chooses).
 */
function propose(service: FeedService): { category: string | null; confidence: number | null } {
  const guess = classifyText([service.name, service.group, service.description].filter(Boolean).join('. '));
  if (guess.categoryCode) return { category: guess.categoryCode, confidence: guess.confidence };
  const best = guess.suggestions[0];
  return best && best.score >= MIN_PROPOSAL_SCORE
    ? { category: best.categoryCode, confidence: best.score }
    : { category: null, confidence: null };
}

/**
 * Reads another server's services list and stores each service with the category our classifier proposes for
 * it. A service read again keeps the admin's decision (confirmed or ignored); only its name, description and
 * proposal are refreshed. Never throws for the server's faults: they come back as `error`.
 */
export async function proposeServiceMappings(
  ctx: AppContext,
  options: ServicesOptions,
): Promise<ServicesRead> {
  const endpoint = resolveEndpoint(options.baseUrl);
  if (typeof endpoint === 'string') return { ok: false, error: endpoint };
  const url = new URL(endpoint.url);
  url.pathname = url.pathname.replace(/requests\.(json|xml)$/, 'services.$1');
  const refusal = options.fetch ? null : await egressRefusal(url);
  if (refusal) return { ok: false, error: `baseUrl: refused: ${refusal}` };
  let services: FeedService[];
  try {
    services = await fetchServices(url, options);
  } catch (error) {
    if (error instanceof FeedError) return { ok: false, error: error.message };
    throw error;
  }
  const readAt = ctx.now();
  if (services.length > 0) {
    const t = open311ServiceMappings;
    await ctx.db
      .insert(t)
      .values(
        services.map((s) => {
          const proposal = propose(s);
          return {
            sourceHost: endpoint.host,
            serviceCode: s.code,
            serviceName: s.name,
            description: s.description,
            proposedCategory: proposal.category,
            proposedConfidence: proposal.confidence,
            readAt,
          };
        }),
      )
      .onConflictDoUpdate({
        target: [t.sourceHost, t.serviceCode],
        set: {
          serviceName: sql`excluded.service_name`,
          description: sql`excluded.description`,
          proposedCategory: sql`excluded.proposed_category`,
          proposedConfidence: sql`excluded.proposed_confidence`,
          readAt: sql`excluded.read_at`,
        },
      });
  }
  return { ok: true, sourceHost: endpoint.host, services: await listServiceMappings(ctx.db, endpoint.host) };
}
