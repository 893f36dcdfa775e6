import { readFileSync } from 'node:fs';
import { DEFAULT_WALL_CONFIG, parseWallConfig, type WallConfig } from './wall-config';

let cached: { file: string | undefined; config: WallConfig } | undefined;

/**
 * The wall layout in effect: the JSON file named by WALL_CONFIG_FILE when set, else the built-in default.
 * Read once per process (a wall rearrangement is a restart); a bad file fails every wall page with the
 * offending fields named rather than showing a half-configured wall.
 */
export function loadWallConfig(env: Record<string, string | undefined> = process.env): WallConfig {
  const file = env.WALL_CONFIG_FILE || undefined;
  if (cached && cached.file === file) return cached.config;
  let config = DEFAULT_WALL_CONFIG;
  if (file) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, 'utf8'));
    } catch (error) {
      throw new Error(`WALL_CONFIG_FILE=${file}: cannot read it as JSON (${(error as Error).message})`, {
        cause: error,
      });
    }
    config = parseWallConfig(raw, `WALL_CONFIG_FILE=${file}`);
  }
  cached = { file, config };
  return config;
}
