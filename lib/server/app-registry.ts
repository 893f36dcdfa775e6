import type { AppContext } from '../context';
import type { LiveHub } from '../realtime/live-hub';
import type { PanelHub } from '../realtime/panel-hub';

/**
 * The custom server builds the app once and registers it here; Next route handlers and server components run
 * in the same process and read it back. A globalThis slot survives Next's module duplication between bundles.
 */
export interface RunningApp {
  ctx: AppContext;
  live: LiveHub;
  panels: PanelHub;
  /** Version of this deployment; the wall reloads itself when it changes. */
  buildId: string;
  startedAt: Date;
  /** Tells every screen on every node to reload; returns how many sockets this node holds (0 without realtime). */
  reloadScreens: () => number;
}

const SLOT = Symbol.for('cur-wall.app');
type Slot = { [SLOT]?: RunningApp };

export function registerApp(app: RunningApp): void {
  (globalThis as Slot)[SLOT] = app;
}

/** Empties the slot; given an app, only while that app is still the registered one (a newer one stays). */
export function unregisterApp(app?: RunningApp): void {
  const slot = globalThis as Slot;
  if (app && slot[SLOT] !== app) return;
  delete slot[SLOT];
}

export function getApp(): RunningApp {
  const app = (globalThis as Slot)[SLOT];
  if (!app)
    throw new Error('The app is not initialised: start it with `npm start` (server.ts), not `next start`.');
  return app;
}
