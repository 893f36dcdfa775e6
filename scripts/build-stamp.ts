/**
 * Whether the production build is current with the sources, for `npm start` (scripts/start.ts).
 *
 * The fingerprint is a hash of the contents of everything `next build` compiles (app, components, lib, db, types,
 * public, the configs, package-lock.json) and of the NEXT_PUBLIC_* variables it inlines. It is written next to the
 * build, with the build's id, after a successful build: a build made otherwise (`npm run build`, the test build
 * with its probes) has another id and is rebuilt; a missing or different fingerprint is rebuilt. Contents, not
 * mtimes: a checkout or a copy that touches every file does not force a build, an edit always does.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'components', 'lib', 'db', 'types', 'public'];
const SOURCE_FILES = [
  'next.config.js',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];
const STAMP_FILE = 'source-stamp.json';

interface Stamp {
  sources: string;
  buildId: string;
}

type Env = Readonly<Record<string, string | undefined>>;

export type BuildState = 'current' | 'no build' | 'built elsewhere' | 'sources changed';

function* filesUnder(dir: string): Generator<string> {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/** The hash of every source's path and contents, and of the NEXT_PUBLIC_* variables the build inlines. */
export function sourceFingerprint(root: string, env: Env = process.env): string {
  const hash = createHash('sha256');
  const files = [
    ...SOURCE_DIRS.flatMap((d) => [...filesUnder(path.join(root, d))]),
    ...SOURCE_FILES.map((f) => path.join(root, f)).filter((f) => existsSync(f) && statSync(f).isFile()),
  ];
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  for (const key of Object.keys(env)
    .filter((k) => k.startsWith('NEXT_PUBLIC_'))
    .sort()) {
    hash.update(`${key}=${env[key]}\0`);
  }
  return hash.digest('hex');
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

export function readBuildId(distDir: string): string | null {
  return readText(path.join(distDir, 'BUILD_ID'))?.trim() ?? null;
}

/** How the build in `distDir` stands against the sources under `root`. */
export function buildState(root: string, distDir: string, env: Env = process.env): BuildState {
  const buildId = readBuildId(distDir);
  if (buildId === null) return 'no build';
  const text = readText(path.join(distDir, STAMP_FILE));
  const stamp = text === null ? null : (JSON.parse(text) as Stamp);
  if (stamp === null || stamp.buildId !== buildId) return 'built elsewhere';
  return stamp.sources === sourceFingerprint(root, env) ? 'current' : 'sources changed';
}

/** Records that the build now in `distDir` was made from the sources now under `root`. */
export function writeBuildStamp(root: string, distDir: string, env: Env = process.env): void {
  const buildId = readBuildId(distDir);
  if (buildId === null) throw new Error(`no BUILD_ID in ${distDir}: the build did not finish`);
  const stamp: Stamp = { sources: sourceFingerprint(root, env), buildId };
  writeFileSync(path.join(distDir, STAMP_FILE), JSON.stringify(stamp));
}
