import type { DisplayGrant, DisplayView } from '../domain/access';
import type { WallScope } from '../domain/scope';
import type { ScreenPanel } from '../wall/screen-registry';
import { screenById, type WallConfig } from '../wall/wall-config';

/** The special screen value that shows the whole wall layout on one display (`/wall/grid`). */
export const GRID_SCREEN = 'grid';

function grantOf(panel: ScreenPanel): DisplayGrant {
  switch (panel.kind) {
    case 'region':
      return { scopes: 'any', views: ['wall'] };
    case 'block':
      return { scopes: [{ block: panel.block }], views: ['wall'] };
    case 'municipality': {
      const scope: WallScope = { municipality: panel.oktmo };
      if (panel.block) scope.block = panel.block;
      return { scopes: [scope], views: ['wall'] };
    }
    case 'federal':
      return { scopes: [], views: ['federal'] };
    case 'triage':
      return { scopes: [], views: ['triage'] };
    case 'briefing':
      return { scopes: [], views: ['briefing'] };
  }
}

function merge(grants: DisplayGrant[]): DisplayGrant {
  const views = new Set<DisplayView>(grants.flatMap((g) => g.views));
  if (grants.some((g) => g.scopes === 'any')) return { scopes: 'any', views: [...views] };
  const scopes = grants.flatMap((g) => (g.scopes === 'any' ? [] : g.scopes));
  return { scopes, views: [...views] };
}

/** What a display paired to `screen` may read; nothing when the layout no longer has that screen. */
export function displayGrant(config: WallConfig, screen: string | null): DisplayGrant {
  if (screen === GRID_SCREEN) return merge(config.screens.map((s) => grantOf(s.panel)));
  const found = screen ? screenById(config, screen) : undefined;
  return found ? grantOf(found.panel) : { scopes: [], views: [] };
}

/** The page a display opens for its screen. */
export function displayPath(screen: string | null): string {
  if (screen === GRID_SCREEN) return '/wall/grid';
  return screen ? `/wall/s/${encodeURIComponent(screen)}` : '/pair';
}
