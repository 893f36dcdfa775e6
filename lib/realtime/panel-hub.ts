import type { AppContext } from '../context';
import { getBlockPanel } from '../panels/get-block-panel';
import type { BlockPanel } from '../panels/types';
import type { CommittedChange } from '../commit/change-bus';
import { SerialLock } from './serial-lock';
import { describeError } from '../log/describe-error';

export interface PanelHubOptions {
  /** A changed block's panel is recounted at most this often: the panel is heavier than the live counts. */
  refreshMs?: number;
  /** Recounted at least this often even without changes: windows slide, the day rolls over, tension fades. */
  maxAgeMs?: number;
  /** A panel nobody watches is dropped after this long. */
  idleMs?: number;
}

interface PanelState {
  panel: BlockPanel;
  dirty: boolean;
  countedAt: number;
  lastUsed: number;
}

type PanelListener = (block: string, panel: BlockPanel) => void;

/**
 * The block panels being watched, recounted after changes in their block (coalesced to `refreshMs`) and on age,
 * and sent whole to their listeners. Recounts run one at a time so the database sees at most one panel query
 * set at once, whatever the number of screens.
 */
export class PanelHub {
  private readonly panels = new Map<string, PanelState>();
  private readonly listeners = new Set<PanelListener>();
  private readonly opts: Required<PanelHubOptions>;
  private readonly lock = new SerialLock();
  private timer: NodeJS.Timeout | null = null;
  private unsubscribe: () => void;
  private stopped = false;
  private counting: string | null = null;
  private changedWhileCounting = false;
  hasListeners: (block: string) => boolean = () => false;

  constructor(
    private readonly ctx: AppContext,
    options: PanelHubOptions = {},
  ) {
    this.opts = { refreshMs: 3_000, maxAgeMs: 60_000, idleMs: 10 * 60_000, ...options };
    this.unsubscribe = ctx.changes.subscribe((change) => this.onChange(change));
  }

  /**
   * Recounts on a chain of timeouts, each set after the previous round ended: when the database is slow (many
   * screens, a burst of intake), rounds space out instead of piling up.
   */
  start(): void {
    const next = () => {
      if (this.stopped) return;
      this.timer = setTimeout(() => void this.refreshDue().finally(next), this.opts.refreshMs);
      this.timer.unref();
    };
    next();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe();
    if (this.timer) clearTimeout(this.timer);
    await this.lock.idle();
  }

  onUpdate(listener: PanelListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The block's panel, counted now when nobody watched it yet or it is out of date. */
  get(block: string): Promise<BlockPanel> {
    return this.lock.run(async () => {
      const state = this.panels.get(block);
      if (state && !state.dirty && Date.now() - state.countedAt < this.opts.maxAgeMs) {
        state.lastUsed = Date.now();
        return state.panel;
      }
      return (await this.recount(block, false)).panel;
    });
  }

  /** Recounts every panel with changes or past its age, and tells the listeners (tests call it directly). */
  refreshDue(force = false): Promise<void> {
    return this.lock
      .run(async () => {
        const now = Date.now();
        for (const [block, state] of this.panels) {
          const watched = this.hasListeners(block);
          if (!watched && now - state.lastUsed > this.opts.idleMs) {
            this.panels.delete(block);
            continue;
          }
          if (this.stopped || !(watched || force)) continue;
          if (force || state.dirty || now - state.countedAt >= this.opts.maxAgeMs)
            await this.recount(block, true);
        }
      })
      .catch((error: unknown) => this.ctx.log.error({ err: describeError(error) }, 'panel refresh failed'));
  }

  private onChange(change: CommittedChange): void {
    // The SLA clock moves complaints of every block without saying which: all panels are affected.
    const blocks =
      change.slaMoved > 0
        ? null
        : new Set([...change.created.map((c) => c.blockCode), ...change.transitions.map((t) => t.blockCode)]);
    for (const [block, state] of this.panels) if (!blocks || blocks.has(block)) state.dirty = true;
    if (this.counting !== null && (!blocks || blocks.has(this.counting))) this.changedWhileCounting = true;
  }

  private async recount(block: string, broadcast: boolean): Promise<PanelState> {
    // A change committed while the queries run may have missed them: the panel then stays dirty.
    this.counting = block;
    this.changedWhileCounting = false;
    let panel: BlockPanel;
    try {
      panel = await getBlockPanel(this.ctx, block, this.ctx.now());
    } finally {
      this.counting = null;
    }
    const state: PanelState = {
      panel,
      dirty: this.changedWhileCounting,
      countedAt: Date.now(),
      lastUsed: Date.now(),
    };
    this.panels.set(block, state);
    if (broadcast) for (const listener of this.listeners) listener(block, panel);
    return state;
  }
}
