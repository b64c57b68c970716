// Which result the person opened, kept for this tab only (sessionStorage), per region: back on the
// results page the list is drawn again by script, so the browser cannot find the spot itself; the
// page scrolls to that card and focuses its link. The location page uses it to offer a link back.
const key = (regionId: string) => `woonwijzer.results-opened.${regionId}`;

/** The query of a result's link naming the housing form it opens: `/locatie/{id}/?woonvorm={housingFormId}`. */
export const OPENED_PARAM = 'woonvorm';

export interface Opened {
  /** The card link's href (location page and housing form). */
  href: string;
  locationId: string;
  /** How many results and near misses were shown, so the card is there again. */
  results: number;
  near: number;
}

export function rememberOpened(regionId: string, opened: Opened): void {
  try {
    sessionStorage.setItem(key(regionId), JSON.stringify(opened));
  } catch {
    // Storage blocked: going back then starts at the top, as before.
  }
}

export function readOpened(regionId: string): Opened | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(key(regionId)) ?? 'null') as Partial<Opened> | null;
    if (!value || typeof value.href !== 'string' || typeof value.locationId !== 'string') return undefined;
    return { href: value.href, locationId: value.locationId, results: Number(value.results) || 0, near: Number(value.near) || 0 };
  } catch {
    return undefined;
  }
}

export function forgetOpened(regionId: string): void {
  try {
    sessionStorage.removeItem(key(regionId));
  } catch {
    // Nothing to forget.
  }
}
