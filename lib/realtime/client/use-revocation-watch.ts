'use client';

import { useEffect } from 'react';
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../contract';
import { reloadPage, reloadThroughPairing, returnToPairing } from './return-to-pairing';

/**
 * For screens that poll rather than follow the live feed (federal, triage, briefing): a socket that subscribes
 * to nothing and only listens for the server dropping this credential, so a revoked display returns to its
 * pairing code within a second instead of at its next poll.
 */
export function useRevocationWatch(): void {
  useEffect(() => {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io();
    socket.on('session:revoked', returnToPairing);
    socket.on('session:changed', reloadThroughPairing);
    socket.on('app:reload', reloadPage);
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') returnToPairing();
    });
    socket.on('connect_error', (error) => {
      if (error.message === 'unauthorized') returnToPairing();
    });
    return () => {
      socket.close();
    };
  }, []);
}
