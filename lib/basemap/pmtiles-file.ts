import { closeSync, openSync, readSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The deployment's street-level base map (BASEMAP_PMTILES): a PMTiles v3 archive on the server's disk, served
 * by GET /api/v1/basemap. Checked at start (lib/config.ts) and again when a request reads it, so a file removed
 * later answers 404 instead of failing the request.
 */

/** "PMTiles" then the spec version: https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md */
const MAGIC = 'PMTiles';
const VERSION = 3;
const HEADER_BYTES = 127;

export interface PmtilesFile {
  path: string;
  size: number;
  modified: Date;
}

/** Null when it is a readable PMTiles v3 archive, else the reason (for the start-up error). */
export function pmtilesFault(file: string): string | null {
  if (!file.endsWith('.pmtiles')) return 'must be the path of a .pmtiles file';
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`;
  }
  try {
    const head = Buffer.alloc(HEADER_BYTES);
    const read = readSync(fd, head, 0, HEADER_BYTES, 0);
    if (read < HEADER_BYTES || head.toString('latin1', 0, MAGIC.length) !== MAGIC)
      return 'is not a PMTiles archive';
    if (head[MAGIC.length] !== VERSION)
      return `is PMTiles version ${head[MAGIC.length]}; version 3 is needed`;
    return null;
  } finally {
    closeSync(fd);
  }
}

/** The configured archive, or null when there is none (unset, or gone since the start). */
export function configuredPmtiles(env: Record<string, string | undefined> = process.env): PmtilesFile | null {
  const value = env.BASEMAP_PMTILES?.trim();
  if (!value) return null;
  const file = path.resolve(value);
  try {
    const stat = statSync(file);
    return stat.isFile() ? { path: file, size: stat.size, modified: stat.mtime } : null;
  } catch {
    return null;
  }
}
