import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { route } from '@/lib/http/handle-route';
import { errorResponse, json } from '@/lib/http/responses';
import { configuredPmtiles } from '@/lib/basemap/pmtiles-file';
import { parseByteRange } from '@/lib/basemap/byte-range';

export const dynamic = 'force-dynamic';

/**
 * The deployment's street-level base map (BASEMAP_PMTILES), read by the wall maps through HTTP Range
 * requests: whoever may see a wall may read it. 404 when the deployment has none: the maps then draw the
 * GeoJSON base map of public/geo.
 */
export const GET = route({ action: 'wall:read' }, async (request: Request): Promise<Response> => {
  const file = configuredPmtiles();
  // What every map asks first: a plain answer, so a deployment without an archive logs no 404 on each page.
  if (new URL(request.url).searchParams.has('available'))
    return json({ available: file !== null, bytes: file?.size ?? null });
  if (!file)
    return errorResponse(404, 'not_found', 'this deployment has no vector base map (BASEMAP_PMTILES)', []);
  const common = {
    'accept-ranges': 'bytes',
    'content-type': 'application/vnd.pmtiles',
    // The archive changes only when the deployer replaces it: revalidate by its modification time.
    'last-modified': file.modified.toUTCString(),
    'cache-control': 'private, max-age=3600',
  };
  const range = parseByteRange(request.headers.get('range'), file.size);
  if (range.kind === 'unsatisfiable')
    return errorResponse(
      416,
      'range_not_satisfiable',
      `the range is not within the archive's ${file.size} bytes`,
      [{ field: 'range', message: 'must be one range bytes=start-end inside the file' }],
      { 'content-range': `bytes */${file.size}` },
    );
  const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, file.size - 1];
  const headers: Record<string, string> = { ...common, 'content-length': String(end - start + 1) };
  if (range.kind === 'part') headers['content-range'] = `bytes ${start}-${end}/${file.size}`;
  const status = range.kind === 'part' ? 206 : 200;
  if (request.method === 'HEAD' || file.size === 0) return new Response(null, { status, headers });
  const stream = Readable.toWeb(createReadStream(file.path, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status, headers });
});
