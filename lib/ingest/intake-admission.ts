import type { AppContext } from '../context';
import { MAX_BATCH_ITEMS } from '../domain/limits';

export interface AdmissionOptions {
  /** Longest expected wait a request is admitted with (default 1,200 ms: reading, HTTP and a busy event loop add to it, and the answer must come within ~2 s). */
  maxWaitMs?: number;
  /** Items a second assumed until the first measurement: low, so a cold burst is not over-admitted. */
  initialRate?: number;
  /** Monotonic clock in milliseconds (tests drive it). */
  clock?: () => number;
}

export type Admission =
  { ok: true; ticket: AdmissionTicket } | { ok: false; retryAfterSeconds: number; expectedWaitMs: number };

export interface AdmissionTicket {
  /** The request's real number of items once parsed, replacing the estimate it was admitted with. */
  resize(items: number): void;
  /** The request was answered (whatever the answer): its items count toward the measured rate. Idempotent. */
  done(): void;
}

/** Bytes of one item assumed until batches were seen: small, so the estimate errs toward more items. */
const INITIAL_BYTES_PER_ITEM = 200;
const MAX_ITEMS = MAX_BATCH_ITEMS;
/** Held items below which nothing is refused: one full batch. */
const MIN_ADMITTED_ITEMS = MAX_BATCH_ITEMS;
/** Busy time a rate sample needs, so one fast request does not swing it. */
const SAMPLE_MS = 250;

/**
 * Intake's backpressure, decided before a batch is read or parsed. Every admitted request holds its items
 * (from Content-Length, or the body's size, over the bytes an item has been taking) until it is answered; the
 * expected wait of a new request is everything held plus its own items over the measured rate (items answered
 * per second while intake was busy: reading, validating, preparing, queueing and committing all included,
 * which is what a caller waits for). Above `maxWaitMs` the request is refused with 503 and Retry-After, so no
 * admitted answer takes much longer than that at any concurrency. Up to one full batch held in all always
 * passes: a slow database delays it but cannot starve intake, and a burst of small requests is not refused.
 */
export class IntakeAdmission {
  private held = 0;
  private rate: number;
  private measured = false;
  private bytesPerItem = INITIAL_BYTES_PER_ITEM;
  private busySince: number | null = null;
  private sampleBusyMs = 0;
  private sampleItems = 0;
  private readonly maxWaitMs: number;
  private readonly clock: () => number;

  constructor(options: AdmissionOptions = {}) {
    this.maxWaitMs = options.maxWaitMs ?? 1_200;
    this.rate = options.initialRate ?? 1_000;
    this.clock = options.clock ?? (() => performance.now());
  }

  /** Items held by admitted requests not yet answered. */
  get heldItems(): number {
    return this.held;
  }

  /** Items a second the last samples measured (or the initial guess). */
  get itemsPerSecond(): number {
    return this.rate;
  }

  /** The items a body of `bytes` likely holds (1–1,000); unknown size: the most a batch may hold. */
  estimateItems(bytes: number | null): number {
    if (bytes === null || !Number.isFinite(bytes) || bytes <= 0) return MAX_ITEMS;
    return Math.max(1, Math.min(MAX_ITEMS, Math.ceil(bytes / this.bytesPerItem)));
  }

  /** Learns what an item weighs from a parsed batch, smoothed. */
  learnSize(bytes: number, items: number): void {
    if (items <= 0 || bytes <= 0) return;
    this.bytesPerItem = 0.7 * this.bytesPerItem + 0.3 * (bytes / items);
  }

  /** The wait a request of `items` would expect now, in milliseconds. */
  expectedWaitMs(items: number): number {
    return ((this.held + items) / Math.max(this.rate, 1)) * 1000;
  }

  /** Whether a request of `items` would be admitted now, holding nothing. */
  check(items: number): { ok: true } | Extract<Admission, { ok: false }> {
    const expectedWaitMs = this.expectedWaitMs(items);
    // Up to one full batch held in all is always admitted: the rate is measured in items, and a few small
    // requests (each costing a commit's fixed time when they came one by one) would otherwise be refused on a
    // rate that merging them into one commit makes untrue.
    if (this.held + items <= MIN_ADMITTED_ITEMS || expectedWaitMs <= this.maxWaitMs) return { ok: true };
    // When enough of what is held will have been answered for this request to fit.
    const excessMs = expectedWaitMs - this.maxWaitMs;
    const retryAfterSeconds = Math.min(30, Math.max(1, Math.ceil(excessMs / 1000)));
    return { ok: false, retryAfterSeconds, expectedWaitMs };
  }

  admit(items: number): Admission {
    const decision = this.check(items);
    if (!decision.ok) return decision;
    let size = items;
    let open = true;
    this.hold(size);
    return {
      ok: true,
      ticket: {
        resize: (real) => {
          if (!open) return;
          this.hold(real - size);
          size = real;
        },
        done: () => {
          if (!open) return;
          open = false;
          this.sampleItems += size;
          this.hold(-size);
        },
      },
    };
  }

  private hold(delta: number): void {
    const now = this.clock();
    if (this.busySince !== null) this.sampleBusyMs += now - this.busySince;
    this.held += delta;
    this.busySince = this.held > 0 ? now : null;
    if (this.sampleBusyMs >= SAMPLE_MS && this.sampleItems > 0) {
      const sample = this.sampleItems / (this.sampleBusyMs / 1000);
      this.rate = this.measured ? 0.6 * this.rate + 0.4 * sample : sample;
      this.measured = true;
      this.sampleBusyMs = 0;
      this.sampleItems = 0;
    }
  }
}

const admissions = new WeakMap<AppContext, IntakeAdmission>();

/** The intake admission of this app (one per context: one per node). */
export function intakeAdmission(ctx: AppContext): IntakeAdmission {
  let admission = admissions.get(ctx);
  if (!admission) admissions.set(ctx, (admission = new IntakeAdmission()));
  return admission;
}
