import { loadWallConfig } from '../wall/load-wall-config';
import { GRID_SCREEN } from './display-grant';

/** Screens a display may be given: the layout's screens and the whole-wall grid; why not, or null. */
export function screenProblem(screen: string): string | null {
  if (screen === GRID_SCREEN) return null;
  return loadWallConfig().screens.some((s) => s.id === screen)
    ? null
    : 'not a screen of the wall layout (or "grid")';
}
