import type { Logger } from 'pino';
import type { Db } from '../db/client';
import type { ReferenceCache } from './reference/types';
import type { MunicipalityLocator } from './geo/municipality-locator';
import type { PlaceFinder } from './geo/place-from-text';
import type { ChangeBus } from './commit/change-bus';
import type { WriteQueue } from './commit/write-queue';
import type { Revocations } from './identity/revocations';

/** Everything a write path or a query needs; built once by the server (or a test) and passed down. */
export interface AppContext {
  db: Db;
  reference: ReferenceCache;
  locator: MunicipalityLocator;
  /** Finds the municipality and town from place names in a message without coordinates. */
  places: PlaceFinder;
  /** Hears of every committed change, after the commit. */
  changes: ChangeBus;
  /** The single writer every write transaction goes through. */
  writer: WriteQueue;
  /** Hears of revoked credentials, so the live edge drops their connections. */
  revocations: Revocations;
  log: Logger;
  /** The clock; tests pin it. */
  now: () => Date;
}
