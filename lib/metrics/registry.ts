import {
  Counter,
  Gauge,
  Histogram,
  Registry,
  collectDefaultMetrics,
  type CounterConfiguration,
  type GaugeConfiguration,
  type HistogramConfiguration,
} from 'prom-client';

/**
 * The process's Prometheus metrics (served at /metrics by lib/server/metrics-endpoint.ts). One registry per
 * process: a node is a process, and every series carries the node's id as a default label, so a scrape of
 * three nodes behind one balancer tells them apart.
 */
// Next's route handlers run from their own bundle, with their own copy of this module: the registry and its
// metrics live in a globalThis slot (as lib/server/app-registry.ts does for the app), so what a route counts
// is what /metrics serves.
const SLOT = Symbol.for('cur-wall.metrics');
export const METRICS: Registry = ((globalThis as { [SLOT]?: Registry })[SLOT] ??= new Registry());

const SECONDS_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];

const existing = <M>(name: string): M | undefined => METRICS.getSingleMetric(name) as M | undefined;
const counter = <L extends string>(config: Omit<CounterConfiguration<L>, 'registers'>) =>
  existing<Counter<L>>(config.name) ?? new Counter<L>({ ...config, registers: [METRICS] });
const gauge = <L extends string>(config: Omit<GaugeConfiguration<L>, 'registers'>) =>
  existing<Gauge<L>>(config.name) ?? new Gauge<L>({ ...config, registers: [METRICS] });
const histogram = <L extends string>(config: Omit<HistogramConfiguration<L>, 'registers'>) =>
  existing<Histogram<L>>(config.name) ??
  new Histogram<L>({ buckets: SECONDS_BUCKETS, ...config, registers: [METRICS] });

/** Complaints offered to intake, by what became of them. */
export const intakeItems = counter<'outcome'>({
  name: 'cur_intake_items_total',
  help: 'Complaints offered to intake: stored, duplicate (idempotent replay), invalid, refused (503)',
  labelNames: ['outcome'],
});

/** Intake requests refused before parsing, by reason (overloaded, shutting_down, database_down). */
export const intakeRefusals = counter<'reason'>({
  name: 'cur_intake_refusals_total',
  help: 'Intake requests answered 503 before their body was parsed, by reason',
  labelNames: ['reason'],
});

export const writerQueueItems = gauge({
  name: 'cur_writer_queue_items',
  help: 'Items (complaints, transitions) waiting for this node’s writer',
});

export const writerWaitSeconds = histogram<'lane'>({
  name: 'cur_writer_wait_seconds',
  help: 'Time a write waited for a writer slot',
  labelNames: ['lane'],
});

export const commitSeconds = histogram<'lane'>({
  name: 'cur_commit_seconds',
  help: 'Time of one commit step: transaction from begin to commit',
  labelNames: ['lane'],
});

export const commitRetries = counter<'code'>({
  name: 'cur_commit_retries_total',
  help: 'Transactions run again after a deadlock or serialization failure, by SQLSTATE',
  labelNames: ['code'],
});

export const feedHeadSeq = gauge({
  name: 'cur_change_feed_head_seq',
  help: 'Highest change-feed sequence number this node has seen committed',
});

export const feedAppliedSeq = gauge({
  name: 'cur_change_feed_applied_seq',
  help: 'Highest change-feed sequence number this node’s hubs have applied',
});

export const feedLagSeconds = gauge({
  name: 'cur_change_feed_lag_seconds',
  help: 'Age of the newest applied change when it was applied (commit to this node’s hubs)',
});

export const screensConnected = gauge<'scope'>({
  name: 'cur_screens_connected',
  help: 'Live subscriptions on this node, by scope (all, block:<code>, municipality:<oktmo>)',
  labelNames: ['scope'],
});

export const leaderState = gauge({
  name: 'cur_leader',
  help: '1 while this node holds the leader lock, else 0',
});

export const leaderTerm = gauge({
  name: 'cur_leader_term',
  help: 'The fencing term this node leads under (0 when not leader)',
});

export const databaseUp = gauge({
  name: 'cur_database_up',
  help: '1 when the last database round trip succeeded, else 0',
});

export const databaseErrors = counter<'kind'>({
  name: 'cur_database_errors_total',
  help: 'Database failures seen by requests and background work, by kind (unavailable, timeout, other)',
  labelNames: ['kind'],
});

export const databasePool = gauge<'state'>({
  name: 'cur_database_pool_connections',
  help: 'Connections of this node’s database pool, by state (open, busy, waiting requests)',
  labelNames: ['state'],
});

let started = false;

/** Sets the node label and the Node.js defaults (event-loop delay, heap, GC) once per process. */
export function startProcessMetrics(nodeId: string): void {
  if (started) return;
  started = true;
  METRICS.setDefaultLabels({ node: nodeId });
  collectDefaultMetrics({ register: METRICS, eventLoopMonitoringPrecision: 20 });
}
