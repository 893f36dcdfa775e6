import type { AppContext } from '../context';
import type { WallScope } from '../domain/scope';
import { listIncidents } from '../incidents/list-incidents';
import type { Incident } from '../incidents/types';
import { describeError } from '../log/describe-error';

/** Changes within this window are read once: a scan and an acknowledgement a moment apart make one list. */
const COALESCE_MS = 100;
/** Read again at least this often: an incident's «N мин назад» and a missed wake-up heal on their own. */
const MAX_AGE_MS = 30_000;

type Listener = (incidents: Incident[]) => void;

/**
 * The live incidents (not closed) of the whole region, read after every committed change that touched one
 * (here or, through the feed, on another node) and sent to screens whole: at most a few dozen rows, so a
 * screen never has to merge. While the database is down the last list stays.
 */
export class IncidentHub {
  private list: Incident[] = [];
  private loaded: Promise<void> | null = null;
  private pending: NodeJS.Timeout | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly unsubscribe: () => void;

  constructor(private readonly ctx: AppContext) {
    this.unsubscribe = ctx.changes.subscribe((change) => {
      if (change.incidents) this.schedule();
    });
  }

  start(): void {
    this.timer = setInterval(() => this.schedule(), MAX_AGE_MS);
    this.timer.unref();
  }

  /** The current list, read on first use. */
  async current(): Promise<Incident[]> {
    this.loaded ??= this.reload();
    await this.loaded;
    return this.list;
  }

  onUpdate(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  stop(): void {
    this.unsubscribe();
    if (this.pending) clearTimeout(this.pending);
    if (this.timer) clearInterval(this.timer);
    this.listeners.clear();
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = null;
      this.loaded = this.reload().then(() => {
        for (const listener of this.listeners) listener(this.list);
      });
    }, COALESCE_MS);
    this.pending.unref();
  }

  private async reload(): Promise<void> {
    try {
      this.list = await listIncidents(this.ctx.db, this.ctx.reference, { live: true });
    } catch (error) {
      this.ctx.log.warn({ err: describeError(error) }, 'incident list read failed');
    }
  }
}

/** The incidents a screen of these scopes shows: the region screen all, a block or a municipality its own. */
export function incidentsInScopes(list: readonly Incident[], scopes: readonly WallScope[]): Incident[] {
  return list.filter((incident) =>
    scopes.some(
      (s) =>
        (s.block === undefined || s.block === incident.block) &&
        (s.municipality === undefined || s.municipality === incident.municipality),
    ),
  );
}
