// What every coordinator page does beside its own work: says results in the status line (a live
// region, emptied first so the same words twice are announced twice), problems in the alert line,
// shows and hides its parts, and offers only the regions the signed-in account coordinates.
import type { Me } from './staff-api.ts';

export interface PageLines {
  announce(text: string): void;
  alert(text: string): void;
  show(selector: string, shown: boolean): void;
}

export function pageLines(): PageLines {
  const q = (selector: string) => document.querySelector<HTMLElement>(selector);
  return {
    announce(text) {
      const line = q('[data-status]');
      if (!line) return;
      line.textContent = '';
      window.setTimeout(() => {
        line.textContent = text;
      }, 50);
    },
    alert(text) {
      const line = q('[data-alert]');
      if (line) line.textContent = text;
    },
    show(selector, shown) {
      const element = q(selector);
      if (element) element.hidden = !shown;
    },
  };
}

/** The page's regions that `me` coordinates, in the page's order. */
export function coordinatedRegions<R extends { id: string }>(me: Me, regions: readonly R[]): R[] {
  const coordinated = new Set(me.memberships.flatMap((m) => (m.role === 'coordinator' ? [m.regionId] : [])));
  return regions.filter((region) => coordinated.has(region.id));
}
