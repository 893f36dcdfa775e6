import path from 'node:path';
import { z } from 'zod';

/** Start-up configuration from the environment; a bad value stops the server with a message naming it. */
const ENV_SCHEMA = z.object({
  PORT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be between 1 and 65535')
    .max(65535, 'must be between 1 and 65535')
    .default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  PGLITE_DIR: z.string().min(1, 'must not be empty').default(path.join('data', 'pglite')),
  // "backfill": history only, no live stream (browser tests count exactly what they post).
  SIMULATOR: z
    .enum(['on', 'off', 'backfill'], { message: 'must be "on", "off" or "backfill"' })
    .default('on'),
  SIMULATOR_RATE: z
    .string()
    .regex(/^\d+(\.\d+)?\/(s|min|h)$/, 'must look like 30/min, 5/s or 100/h')
    .default('30/min'),
  SIMULATOR_BACKFILL_WEEKS: z.coerce.number().int().min(0, 'must be 0 or more').max(104).default(8),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AppConfig = z.infer<typeof ENV_SCHEMA> & { dev: boolean };

export class ConfigError extends Error {}

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  argv: string[] = process.argv,
): AppConfig {
  const parsed = ENV_SCHEMA.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (i) => `  ${i.path.join('.')}=${JSON.stringify(env[String(i.path[0])])}: ${i.message}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return { ...parsed.data, dev: argv.includes('--dev') };
}
