import type { Action, Resource } from '../domain/access';
import type { WallScope } from '../domain/scope';
import type { ScreenPanel } from '../wall/screen-registry';

/** What a wall screen's page asks of its viewer: the same decision its panel's own page asks. */
export function screenAccess(panel: ScreenPanel): { action: Action; resource?: Resource } {
  switch (panel.kind) {
    case 'region':
      return { action: 'wall:read', resource: { scope: {} } };
    case 'block':
      return { action: 'wall:read', resource: { scope: { block: panel.block } } };
    case 'municipality': {
      const scope: WallScope = { municipality: panel.oktmo };
      if (panel.block) scope.block = panel.block;
      return { action: 'wall:read', resource: { scope } };
    }
    case 'federal':
      return { action: 'federal:read' };
    case 'triage':
      return { action: 'triage:read' };
    case 'briefing':
      return { action: 'briefing:read' };
  }
}
