'use client';

import { useEffect, useRef, useState } from 'react';
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  Incident,
  ServerToClientEvents,
  SubscribeRequest,
  WallScope,
  WallSnapshot,
} from '../contract';
import type { BlockPanel } from '../../panels/types';
import { reloadPage, reloadThroughPairing, returnToPairing } from './return-to-pairing';
import { ARRIVAL_TTL_MS, applyDelta, applySnapshot, resumePoint, type WallState } from './wall-state';

export type ConnectionState = 'live' | 'reconnecting' | 'offline';

/**
 * Disconnected longer than this, the wall says «нет связи с сервером» across the screen instead of
 * «переподключение» in the corner: a node's restart behind the balancer reconnects well within it.
 */
const OFFLINE_AFTER_MS = 8_000;
const ACK_TIMEOUT_MS = 10_000;
const RETRY_SUBSCRIBE_MS = 3_000;
/** Re-renders to age out map pulses even when no delta arrives. */
const PRUNE_EVERY_MS = 2_000;

type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Live wall state for one scope: starts from the server-rendered snapshot, then follows the socket.
 * Gaps, epoch changes and reconnects all end in one re-subscribe with the last {epoch, seq}.
 */
export interface WallFeedOptions {
  /** Follow the block panel of `scope.block` too, starting from this server-rendered one. */
  initialPanel?: BlockPanel;
}

/** What the server last said of its database: the screen keeps its numbers and says how old they are. */
export type DatabaseState = { down: false } | { down: true; since: number };

export interface WallFeed {
  state: WallState;
  connection: ConnectionState;
  /** The serving node's database (`server:status`); its state survives a reconnect until the next status. */
  database: DatabaseState;
  panel: BlockPanel | null;
  /** Client clock (ms) of the last panel update; the server-rendered one counts from its count time. */
  panelReceivedAt: number;
  /** The live incidents of the scope (`incident:list`), unanswered first; null until the first list. */
  incidents: Incident[] | null;
}

export function useWallFeed(
  scope: WallScope,
  initialSnapshot: WallSnapshot,
  options: WallFeedOptions = {},
): WallFeed {
  // Dated by the server's count time, not the clock, so the server and client renders agree.
  const [state, setState] = useState<WallState>(() =>
    applySnapshot(null, initialSnapshot, Date.parse(initialSnapshot.summary.asOf) || 0),
  );
  const [connection, setConnection] = useState<ConnectionState>('reconnecting');
  const [database, setDatabase] = useState<DatabaseState>({ down: false });
  const [panelFeed, setPanelFeed] = useState(() => ({
    panel: options.initialPanel ?? null,
    receivedAt: options.initialPanel ? Date.parse(options.initialPanel.asOf) || 0 : 0,
  }));
  const [incidents, setIncidents] = useState<Incident[] | null>(null);
  const withPanel = options.initialPanel !== undefined;
  // Handlers run outside React's render: they read and write the latest state through a ref.
  const stateRef = useRef(state);
  const scopeJson = JSON.stringify(scope);

  useEffect(() => {
    const wallScope = JSON.parse(scopeJson) as WallScope;
    // Same origin, default path; polling first then upgrade survives proxies that block WebSockets.
    const socket: WallSocket = io();
    let disposed = false;
    let subscribing = false;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let offlineTimer: ReturnType<typeof setTimeout> | undefined;

    const commit = (next: WallState) => {
      stateRef.current = next;
      setState(next);
    };

    // Counted from the first failure: retries keep failing every few seconds and must not restart the clock.
    const markDown = () => {
      setConnection((c) => (c === 'offline' ? c : 'reconnecting'));
      offlineTimer ??= setTimeout(() => setConnection('offline'), OFFLINE_AFTER_MS);
    };
    const markUp = () => {
      clearTimeout(offlineTimer);
      offlineTimer = undefined;
      setConnection('live');
    };

    const subscribe = () => {
      if (disposed || subscribing || !socket.connected) return;
      subscribing = true;
      const request: SubscribeRequest = {
        scope: wallScope,
        resume: resumePoint(stateRef.current),
        panel: withPanel,
      };
      socket.timeout(ACK_TIMEOUT_MS).emit('wall:subscribe', request, (err, result) => {
        subscribing = false;
        if (disposed) return;
        if (err || !result.ok) {
          clearTimeout(retryTimer);
          retryTimer = setTimeout(() => {
            retryTimer = undefined;
            subscribe();
          }, RETRY_SUBSCRIBE_MS);
          return;
        }
        markUp();
      });
    };

    socket.on('connect', subscribe);
    // Only a revocation or an expired session makes the server itself disconnect a socket; a restart or a
    // network fault is a transport close, and the client reconnects on its own.
    socket.on('session:revoked', returnToPairing);
    socket.on('session:changed', reloadThroughPairing);
    socket.on('app:reload', reloadPage);
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') returnToPairing();
      else markDown();
    });
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized') {
        returnToPairing();
        return;
      }
      markDown();
      // Refused by the server's middleware (its database was unavailable): the client does not retry that.
      if (!socket.active) {
        clearTimeout(retryTimer);
        retryTimer = setTimeout(() => !disposed && socket.connect(), RETRY_SUBSCRIBE_MS);
      }
    });
    socket.on('wall:snapshot', (snapshot) => {
      if (snapshot.scopeKey !== stateRef.current.scopeKey) return;
      commit(applySnapshot(stateRef.current, snapshot, Date.now()));
    });
    socket.on('wall:delta', (delta) => {
      const next = applyDelta(stateRef.current, delta, Date.now());
      if (next === 'resync') subscribe();
      else if (next !== stateRef.current) commit(next);
    });

    socket.on('server:status', (status) => {
      if (status.database === 'down') {
        const since = Date.parse(status.since);
        setDatabase((current) => (current.down ? current : { down: true, since }));
        return;
      }
      setDatabase((current) => (current.down ? { down: false } : current));
      // A subscribe refused while the database was away is retried now, not at its next timer.
      if (retryTimer !== undefined && !subscribing) {
        clearTimeout(retryTimer);
        retryTimer = undefined;
        subscribe();
      }
    });

    socket.on('incident:list', (list) => setIncidents(list));

    socket.on('panel:update', (panel) => {
      if (panel.block !== wallScope.block) return;
      // A panel read on subscribe may race a broadcast: the newest count wins.
      setPanelFeed((current) =>
        current.panel && current.panel.asOf > panel.asOf ? current : { panel, receivedAt: Date.now() },
      );
    });

    const goOffline = () => setConnection('offline');
    window.addEventListener('offline', goOffline);
    markDown();

    const pruneTimer = setInterval(() => {
      const current = stateRef.current;
      if (current.arrivals.length === 0) return;
      const now = Date.now();
      const arrivals = current.arrivals.filter((a) => now - a.seenAt < ARRIVAL_TTL_MS);
      if (arrivals.length !== current.arrivals.length) commit({ ...current, arrivals });
    }, PRUNE_EVERY_MS);

    return () => {
      disposed = true;
      clearTimeout(retryTimer);
      clearTimeout(offlineTimer);
      clearInterval(pruneTimer);
      window.removeEventListener('offline', goOffline);
      socket.disconnect();
    };
  }, [scopeJson, withPanel]);

  return {
    state,
    connection,
    database,
    panel: panelFeed.panel,
    panelReceivedAt: panelFeed.receivedAt,
    incidents,
  };
}
