import { errorReply } from '../openapi/parts';

/** The base map's part of the OpenAPI document, merged into `paths` of lib/http/openapi.ts. */
export const BASEMAP_OPENAPI_PATHS = {
  '/api/v1/basemap': {
    get: {
      summary:
        "The deployment's street-level vector base map (BASEMAP_PMTILES, a PMTiles v3 archive), for the wall maps; read in byte ranges",
      parameters: [
        {
          name: 'available',
          in: 'query',
          required: false,
          schema: { type: 'string' },
          description:
            'Present: answers 200 JSON `{available, bytes}` (whether this deployment has an archive) instead of the archive',
        },
        {
          name: 'Range',
          in: 'header',
          required: false,
          schema: { type: 'string', examples: ['bytes=0-16383'] },
          description: 'One byte range; without it the whole archive',
        },
      ],
      responses: {
        200: {
          description: 'The whole archive; with `?available`, `{available: boolean, bytes: integer|null}`',
          content: { 'application/vnd.pmtiles': { schema: { type: 'string', format: 'binary' } } },
        },
        206: {
          description: 'The requested bytes, with Content-Range',
          content: { 'application/vnd.pmtiles': { schema: { type: 'string', format: 'binary' } } },
        },
        404: errorReply('This deployment has no vector base map'),
        416: errorReply('The range is not within the archive'),
      },
    },
  },
};
