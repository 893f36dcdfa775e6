import type { Block } from '../../db/schema/blocks';
import type { Category } from '../../db/schema/categories';
import type { Municipality } from '../../db/schema/municipalities';
import type { Source } from '../../db/schema/sources';
import type { ExecutorDirectory, RoutingRule } from '../domain/routing-types';

export type MunicipalityInfo = Omit<Municipality, 'boundary'>;

/** Reference data held in memory after seeding: codes are resolved on every intake without a query. */
export interface ReferenceCache {
  blocks: Map<string, Block>;
  sources: Map<string, Source>;
  categories: Map<string, Category>;
  municipalities: Map<string, MunicipalityInfo>;
  /** Responsible bodies by code (table `executors`). */
  executors: ExecutorDirectory;
  /** Routing rules in order, first match wins (table `routing_rules`). */
  routingRules: readonly RoutingRule[];
}
