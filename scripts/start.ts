/**
 * `npm start`: builds the app only when its sources changed since the last build this script made (see
 * build-stamp.ts), then runs the production server in this process, so signals reach it directly.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildState, writeBuildStamp } from './build-stamp';

const ROOT = process.cwd();
const DIST = path.join(ROOT, process.env.NEXT_DIST_DIR || '.next');

const began = performance.now();
const state = buildState(ROOT, DIST);
const checked = ((performance.now() - began) / 1000).toFixed(1);
if (state === 'current') {
  console.log(`The build is up to date with the sources (checked in ${checked} s): starting.`);
} else {
  console.log(`Building the app (${state}; about a minute) …`);
  // `npm run build`, so a prebuild step (if the app adds one) runs too.
  const result = spawnSync('npm', ['run', 'build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // Taken after the build: `next build` may rewrite tsconfig.json, and the stamp must match what is there now.
  writeBuildStamp(ROOT, DIST);
}
// What `NODE_ENV=production tsx server.ts` did: set before the server's modules (Next) are loaded.
Object.assign(process.env, { NODE_ENV: 'production' });
await import('../server');
