// A SiteChange as the site's files: the addresses of the pages to build again and of those to take
// away, both languages each, through the site's own address scheme (site/src/lib/routes.ts), and
// the file each address is served from (Astro's directory format: {path}index.html). A location's
// pages are its ordinary page and its easy-read page: both show its listing, so both are built
// again and taken away together (a location in a region without easy read simply has no second
// file: the build does not produce it and there is none to remove).
import { LOCALES } from '../../shared/i18n/index.ts';
import { pathTo, type PageRef } from '../../site/src/lib/routes.ts';
import type { SiteChange } from './affected-pages.ts';
import { SCOPED_PAGE_KINDS } from './page-scope.ts';

export interface ChangedPages {
  /** Site-relative addresses (with a trailing slash) of the pages to build again. */
  build: string[];
  /** Site-relative addresses of the pages to take away. */
  remove: string[];
}

/** The pages that show one location's listing. */
export function locationPages(locationId: string): PageRef[] {
  return [{ page: 'location', locationId }, { page: 'easy-location', locationId }];
}

export function changedPages(change: SiteChange): ChangedPages {
  const refs: PageRef[] = [];
  if (change.build.home) refs.push({ page: 'home' });
  for (const kind of SCOPED_PAGE_KINDS) {
    for (const id of change.build[kind]) refs.push(...(kind === 'location' ? locationPages(id) : [{ page: kind, regionId: id } as const]));
  }
  const inEveryLanguage = (ref: PageRef) => LOCALES.map((locale) => pathTo(locale, ref));
  return {
    build: refs.flatMap(inEveryLanguage),
    remove: change.removeLocations.flatMap((locationId) => locationPages(locationId).flatMap(inEveryLanguage)),
  };
}

/** The file an address is served from, relative to the site's folder. */
export function pageFile(path: string): string {
  return `${path.replace(/^\/+/, '')}index.html`;
}
