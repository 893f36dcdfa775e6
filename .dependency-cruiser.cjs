/**
 * The layering of the code, lowest first (README, "Architecture"):
 *   1. lib/domain            shared domain words: imports nothing of ours
 *   2. db                    schema, client, migrations, seeds: imports only lib/domain
 *   3. lib/<feature>         write and read features (commit step, intake, lifecycle, queries, …)
 *   4. lib/realtime, lib/http, lib/server, lib/app: the realtime and HTTP edges and the app factory
 *   5. app, components, server.ts: pages, route handlers, browser code, the process entry
 * A lower layer never imports a higher one, and no two lib folders import each other in a loop.
 */
const EDGE = '^lib/(realtime|http|server|app)/';
const FEATURE = '^lib/(?!domain/|realtime/|http/|server/|app/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-imports-only-domain',
      comment: 'lib/domain is the ground floor: it may import only itself and packages.',
      severity: 'error',
      from: { path: '^lib/domain/' },
      to: { path: '^(lib/(?!domain/)|db/|app/|components/|server\\.ts)' },
    },
    {
      name: 'db-imports-only-domain',
      comment: 'The schema, client and seeds sit on the ground floor only.',
      severity: 'error',
      from: { path: '^db/' },
      to: { path: '^(lib/(?!domain/)|app/|components/|server\\.ts)' },
    },
    {
      name: 'features-stay-below-the-edges',
      comment: 'Features never reach up into the realtime/HTTP edges, pages or components.',
      severity: 'error',
      from: { path: FEATURE, pathNot: '^lib/realtime/client/' },
      to: { path: `(${EDGE}|^app/|^components/|^server\\.ts)` },
    },
    {
      name: 'edges-stay-below-the-app',
      comment: 'The realtime/HTTP edges never import pages, components or the process entry.',
      severity: 'error',
      from: { path: EDGE, pathNot: '^lib/realtime/client/' },
      to: { path: '^(app/|components/|server\\.ts)' },
    },
    {
      name: 'no-folder-cycles',
      comment: 'Two folders that import each other (directly or around a loop) are one knot: untie it.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^(lib|db|components)/' },
      to: { circular: true },
    },
    {
      name: 'no-file-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-simulator-in-production',
      comment:
        'The simulator is a demo and test source: only the process entry, scripts, tests and the bench start it.',
      severity: 'error',
      from: { path: '^(lib|db|app|components)/', pathNot: '^lib/simulator/' },
      to: { path: '^lib/simulator/' },
    },
    {
      name: 'no-tests-in-production',
      severity: 'error',
      from: { path: '^(lib|db|app|components|server\\.ts)' },
      to: { path: '^(tests|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.next|data|test-results)' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
  },
};
