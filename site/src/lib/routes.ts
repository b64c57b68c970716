// The site's addresses in both languages, in one place: pages link with `pathTo`, and the
// language switch and hreflang links use the same page in the other language. Dutch lives at /,
// English under /en/, with English path words. A new page type adds one entry here.
import { DEFAULT_LOCALE, LOCALES, type Locale } from '../../../shared/i18n/index.ts';

export type PageRef =
  | { page: 'home' }
  | { page: 'ranking' }
  | { page: 'providers' }
  | { page: 'open-data' }
  | { page: 'manage' }
  | { page: 'manage-invitation' }
  /** A region's demand against its supply, for its coordinators. */
  | { page: 'demand' }
  /** The coordinators' hub: the region's organisations, outdated listings and audit trail. */
  | { page: 'coordination' }
  /** The region's client support organisations, as its coordinators keep them for the help page. */
  | { page: 'coordination-support' }
  /** The region's questionnaire versions: a draft's texts edited, previewed and published by its coordinators. */
  | { page: 'coordination-questionnaire' }
  /** A client supporter's dossiers (issue 14): list, one dossier, its consent form. */
  | { page: 'supporter' }
  /** Together mode's way in, for a client supporter with a client (?dossier=…). */
  | { page: 'together' }
  /** The easy-read ("makkelijk lezen") way in: the regions that have it. */
  | { page: 'easy-read' }
  | { page: 'region'; regionId: string }
  | { page: 'location'; locationId: string }
  /** A location in easy read: /locatie/{locationId}/makkelijk/, /en/location/{locationId}/easy/ */
  | { page: 'easy-location'; locationId: string }
  | { page: RegionSubpage; regionId: string };

/** Pages that live under a region's address: /regio/{regionId}/{segment}/. */
export type RegionSubpage = 'questionnaire' | 'results' | 'compare' | 'report' | 'search' | 'support' | EasyReadSubpage;

/** A region's easy-read pages: /regio/{regionId}/makkelijk/..., /en/region/{regionId}/easy/... */
export type EasyReadSubpage = 'easy-start' | 'easy-questionnaire' | 'easy-results' | 'easy-choices';

/** The ordinary page each easy-read page stands for: where "Gewone tekst" leads. */
export const ORDINARY_PAGE: Record<EasyReadSubpage, RegionSubpage | 'region'> = {
  'easy-start': 'region',
  'easy-questionnaire': 'questionnaire',
  'easy-results': 'results',
  // "Mijn keuzes" are the favourites, which the compare page shows.
  'easy-choices': 'compare',
};

/**
 * The easy-read page that stands for an ordinary page of a region whose easy-read pages are built:
 * a location's own, the one ORDINARY_PAGE pairs with it, else the region's easy-read start.
 */
export function easyPageFor(ref: PageRef | undefined, regionId: string): PageRef {
  if (ref?.page === 'location') return { page: 'easy-location', locationId: ref.locationId };
  const twin = (Object.keys(ORDINARY_PAGE) as EasyReadSubpage[]).find((easy) => ORDINARY_PAGE[easy] === ref?.page);
  return { page: twin ?? 'easy-start', regionId };
}

const SEGMENTS = {
  region: { nl: 'regio', en: 'region' },
  ranking: { nl: 'zo-werkt-de-volgorde', en: 'how-we-rank' },
  providers: { nl: 'voor-aanbieders', en: 'for-providers' },
  'open-data': { nl: 'open-data', en: 'open-data' },
  /** The provider portal (and later the supporters' and coordinators' pages). */
  manage: { nl: 'beheer', en: 'manage' },
  /** Where an invitation mail's link leads (functions/accounts/portal-links.ts). */
  'manage-invitation': { nl: 'uitnodiging', en: 'invitation' },
  demand: { nl: 'coordinatie/vraag-en-aanbod', en: 'coordination/demand' },
  coordination: { nl: 'coordinatie', en: 'coordination' },
  'coordination-support': { nl: 'coordinatie/ondersteuning', en: 'coordination/support' },
  'coordination-questionnaire': { nl: 'coordinatie/vragenlijst', en: 'coordination/questionnaire' },
  supporter: { nl: 'ondersteuner', en: 'supporter' },
  together: { nl: 'ondersteuner/samen', en: 'supporter/together' },
  location: { nl: 'locatie', en: 'location' },
  questionnaire: { nl: 'vragen', en: 'questions' },
  results: { nl: 'resultaten', en: 'results' },
  compare: { nl: 'vergelijken', en: 'compare' },
  report: { nl: 'verslag', en: 'report' },
  search: { nl: 'zoeken', en: 'search' },
  support: { nl: 'hulp', en: 'help' },
  'easy-read': { nl: 'makkelijk-lezen', en: 'easy-read' },
  'easy-start': { nl: 'makkelijk', en: 'easy' },
  'easy-questionnaire': { nl: 'makkelijk/vragen', en: 'easy/questions' },
  'easy-results': { nl: 'makkelijk/resultaten', en: 'easy/results' },
  'easy-choices': { nl: 'makkelijk/keuzes', en: 'easy/choices' },
  /** After a location's own address. */
  'easy-location': { nl: 'makkelijk', en: 'easy' },
} as const satisfies Record<string, Record<Locale, string>>;

// The site is served from the root of its domain (no Astro `base`).
function localePrefix(locale: Locale): string {
  return locale === DEFAULT_LOCALE ? '/' : `/${locale}/`;
}

/** The site-relative path of a page in a language, always with a trailing slash. */
export function pathTo(locale: Locale, ref: PageRef): string {
  const prefix = localePrefix(locale);
  switch (ref.page) {
    case 'home':
      return prefix;
    case 'ranking':
    case 'providers':
    case 'open-data':
    case 'manage':
    case 'demand':
    case 'coordination':
    case 'coordination-support':
    case 'coordination-questionnaire':
    case 'supporter':
    case 'together':
    case 'easy-read':
      return `${prefix}${SEGMENTS[ref.page][locale]}/`;
    case 'manage-invitation':
      return `${pathTo(locale, { page: 'manage' })}${SEGMENTS[ref.page][locale]}/`;
    case 'region':
      return `${prefix}${SEGMENTS.region[locale]}/${encodeURIComponent(ref.regionId)}/`;
    case 'location':
      return `${prefix}${SEGMENTS.location[locale]}/${encodeURIComponent(ref.locationId)}/`;
    case 'easy-location':
      return `${pathTo(locale, { page: 'location', locationId: ref.locationId })}${SEGMENTS['easy-location'][locale]}/`;
    default:
      return `${pathTo(locale, { page: 'region', regionId: ref.regionId })}${SEGMENTS[ref.page][locale]}/`;
  }
}

/** The same page in every language (absolute when the site address is known: hreflang, canonical). */
export function alternates(ref: PageRef, site: URL | undefined): { locale: Locale; href: string }[] {
  return LOCALES.map((locale) => ({ locale, href: absolute(pathTo(locale, ref), site) }));
}

export function absolute(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
}

export function otherLocale(locale: Locale): Locale {
  return locale === 'nl' ? 'en' : 'nl';
}
