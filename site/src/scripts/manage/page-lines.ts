// What every coordinator page does beside its own work: reads the data its frame wrote
// (CoordinationFrame.astro), says results in the status line (a live region, emptied first so the
// same words twice are announced twice) and problems in the alert line, shows and hides its parts,
// and, on opening, asks who is signed in and offers only the regions that account coordinates.
import { el, replaceChildren } from '../shortlist/dom.ts';
import { call, type Me } from './staff-api.ts';
import { readPageJson } from '../lib/page-json.ts';
import { sayIn } from '../lib/live-region.ts';

export interface PageLines {
  announce(text: string): void;
  alert(text: string): void;
  show(selector: string, shown: boolean): void;
}

export function pageLines(): PageLines {
  const q = (selector: string) => document.querySelector<HTMLElement>(selector);
  return {
    announce(text) {
      sayIn(q('[data-status]'), text);
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

/** The page's data as CoordinationFrame.astro writes it (`data-{name}-data`); undefined when missing or unreadable. */
export function coordinationData<T>(name: string): T | undefined {
  return readPageJson<T>(`script[data-${name}-data]`);
}

/** The page's regions that `me` coordinates, in the page's order. */
export function coordinatedRegions<R extends { id: string }>(me: Me, regions: readonly R[]): R[] {
  const coordinated = new Set(me.memberships.flatMap((m) => (m.role === 'coordinator' ? [m.regionId] : [])));
  return regions.filter((region) => coordinated.has(region.id));
}

/**
 * The page's start: who is signed in, and the regions they coordinate put in `regionBox` (its
 * field shown only with a choice). Undefined when the page cannot go on, having said why: nobody
 * is signed in (`signedOut`), the API could not be reached, or the account coordinates none of the
 * page's regions (`[data-not-coordinator]`).
 */
export async function openAsCoordinator<R extends { id: string; name: string }>(
  lines: Pick<PageLines, 'alert' | 'show'>,
  page: { regions: readonly R[]; regionBox: HTMLSelectElement; regionField: string; signedOut: () => void; unavailable: string },
): Promise<R[] | undefined> {
  const me = await call<Me>('GET', '/api/auth/me');
  lines.show('[data-loading]', false);
  if (!me.ok) {
    if (me.kind === 'refused' && me.status === 401) page.signedOut();
    else lines.alert(page.unavailable);
    return undefined;
  }
  const regions = coordinatedRegions(me.value, page.regions);
  if (regions.length === 0) {
    lines.show('[data-not-coordinator]', true);
    return undefined;
  }
  replaceChildren(page.regionBox, ...regions.map((region) => el('option', { value: region.id }, region.name)));
  lines.show(page.regionField, regions.length > 1);
  return regions;
}
