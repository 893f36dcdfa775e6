import { IDENTITY_WRITES_PER_MINUTE as DEFAULT_WRITES_PER_MINUTE } from './limits/rate-limit';
import { DEFAULT_BACKDATE_WINDOWS, parseBackdateWindows } from './lifecycle/backdating';
import path from 'node:path';
import { z } from 'zod';
import { parseAllowHosts } from './egress/allow-list';
import { parseAddressList } from './domain/address-list';
import { parseTrustedProxies } from './limits/trusted-proxies';
import { pmtilesFault } from './basemap/pmtiles-file';

// `name`, `name:port`, `[v6]`, `[v6]:port`, as lib/server/allowed-hosts.ts parses them.
const HOST_ENTRY = /^(\[[0-9a-f:.]+\]|[a-z0-9_]([a-z0-9_.-]*[a-z0-9_])?)(:\d{1,5})?$/i;
const PHOTO_HOST = /^[a-z0-9]([a-z0-9.-]*[a-z0-9])?(:\d{1,5})?$/i;

/** A comma-separated list of hosts; each entry checked, the first bad one named. Unset or empty: undefined. */
function hostList(entry: RegExp, example: string) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      const entries = (value ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean);
      const bad = entries.find((e) => {
        const port = /:(\d+)$/.exec(e)?.[1];
        return !entry.test(e) || (port !== undefined && (Number(port) < 1 || Number(port) > 65535));
      });
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `${JSON.stringify(bad)} is not a host (${example})` });
        return z.NEVER;
      }
      return entries.length > 0 ? entries : undefined;
    });
}

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
    .regex(/^\d+(\.\d+)?\/(s|min|h|day|week)$/, 'must look like 12000/week, 30/min, 5/s or 100/h')
    .default('12000/week'),
  SIMULATOR_BACKFILL_WEEKS: z.coerce.number().int().min(0, 'must be 0 or more').max(104).default(8),
  // The other regions' history: at their real volume (≈ 20× Moscow Oblast's) a day is ~50,000 complaints.
  SIMULATOR_FEDERAL_DAYS: z.coerce.number().int().min(0, 'must be 0 or more').max(14).default(8),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Exact hosts (host or host:port) outbound requests may reach although they are internal; read again by the
  // egress guard on every request (lib/egress), checked here so a typo stops the server at start.
  EGRESS_ALLOW_HOSTS: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseAllowHosts(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  // Host names (and Origins) the server answers; unset: loopback, this machine's hostname and interface addresses.
  ALLOWED_HOSTS: hostList(HOST_ENTRY, 'e.g. wall.cur.local,10.20.0.5:3000'),
  // Load balancers (IPs or CIDRs) whose X-Forwarded-For names the client; unset: the socket's peer is the client.
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  // https hosts the briefing may load proof photos from; unset: none (a tile with the photo count instead).
  PHOTO_HOSTS: hostList(PHOTO_HOST, 'e.g. photos.dobrodel.example'),
  // Writes per minute per client address (loopback exempt); 0 turns the limit off.
  RATE_LIMIT_WRITES_PER_MINUTE: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(0, 'must be 0 (off) or more')
    .default(300),
  RATE_LIMIT_USER_WRITES_PER_MINUTE: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(0, 'must be 0 (off) or more')
    .default(DEFAULT_WRITES_PER_MINUTE.user),
  RATE_LIMIT_SOURCE_WRITES_PER_MINUTE: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(0, 'must be 0 (off) or more')
    .default(DEFAULT_WRITES_PER_MINUTE.source),
  // One working shift; an admin's or operator's browser left signed in overnight is signed out by morning.
  SESSION_HOURS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(1, 'must be 1 or more')
    .max(720, 'must be 720 (30 days) or less')
    .default(12),
  BACKDATE_WINDOWS: z
    .string()
    .default(DEFAULT_BACKDATE_WINDOWS)
    .superRefine((text, ctx) => {
      const parsed = parseBackdateWindows(text);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.message });
    }),
  // From a request's start to its last body byte: a 4 MiB batch must arrive within it.
  HTTP_REQUEST_TIMEOUT_SECONDS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(15, 'must be 15 or more (the headers alone may take 15 s)')
    .max(3600, 'must be 3600 or less')
    .default(30),
  // The address people open the app at, for the links the console and the CLI print; unset: http://localhost:PORT.
  PUBLIC_URL: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z
      .url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' })
      .transform((url) => url.replace(/\/+$/, ''))
      .optional(),
  ),
  // This node's name in logs, metrics and the leader record; unset: the host name and port.
  NODE_ID: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,62}$/, 'must be 1–63 letters, digits, _ . : -')
    .optional(),
  // A street-level vector base map (PMTiles v3, Protomaps schema) the wall maps draw instead of public/geo's
  // roads and water; served to wall screens by GET /api/v1/basemap. Unset: the GeoJSON base map.
  BASEMAP_PMTILES: z
    .string()
    .optional()
    .transform((value) => (value?.trim() ? value.trim() : undefined))
    .superRefine((value, ctx) => {
      const fault = value === undefined ? null : pmtilesFault(path.resolve(value));
      if (fault) ctx.addIssue({ code: 'custom', message: fault });
    }),
  // Bearer token Prometheus presents at /metrics; without it only METRICS_ALLOWED_ADDRESSES may scrape.
  METRICS_TOKEN: z.string().min(24, 'must be at least 24 characters').optional(),
  // Addresses (IPs or CIDRs) that may scrape /metrics without the token; default: loopback only.
  METRICS_ALLOWED_ADDRESSES: z
    .string()
    .default('127.0.0.1/32,::1/128')
    .superRefine((value, ctx) => {
      try {
        parseAddressList(value);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  // How long opening a database connection may take before the request answers 503.
  DB_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(1_500),
  // Longest a single statement may run (PostgreSQL's statement_timeout) before it is cancelled.
  DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  // SIGTERM: how long in-flight requests may take to finish before the process exits anyway.
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(8_000),
  // Fewer than the held-out minimum (lib/classifier-learning/settings.ts) would retrain on nothing new to judge.
  CLASSIFIER_RETRAIN_AFTER: z.coerce
    .number({ message: 'must be a number' })
    .int('must be an integer')
    .min(20, 'must be 20 or more')
    .max(100_000)
    .default(200),
  // A JSON list of users created at start when there are none yet (lib/identity/provision-identities.ts).
  BOOTSTRAP_IDENTITIES_FILE: z.string().min(1, 'must not be empty').optional(),
  // Where their secrets are written (mode 0600); default: the identities file's path + ".secrets.json".
  BOOTSTRAP_SECRETS_FILE: z.string().min(1, 'must not be empty').optional(),
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
