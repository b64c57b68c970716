// The terms the listings are published under as open data: one place for the licence, the
// attribution asked for and the sources of what we add to the providers' own data, read by the
// HSDS export (its metadata and datapackage.json) and by the site's open-data page alike.
// Plain data, no zod, so the site can import it.

/** The listings (what providers and the region report) as open data. */
export const OPEN_DATA_LICENCE = {
  /** The SPDX identifier, as Frictionless data packages name licences. */
  id: 'CC-BY-4.0',
  title: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
} as const;

/**
 * The attribution a re-user gives: the region that keeps the directory and the providers whose
 * listings these are. The providers are named in the data itself (every organisation record).
 */
export function openDataAttribution(regionName: string): string {
  return `Woonwijzer, region ${regionName}, with the care providers named in the data`;
}

/**
 * Where a location's point comes from when its provider gave none: the centre of its 4-digit
 * postcode area, from this table (data/reference/README.md). Its licence asks for the notice.
 */
export const POSTCODE_POINTS_SOURCE = {
  title: '4pp: Dutch 4-digit postcode areas with a point (© 2014 Bob den Otter, MIT licence)',
  url: 'https://github.com/bobdenotter/4pp',
} as const;

/** The municipality codes and the care-office regions (data/reference/README.md). */
export const REGION_CODES_SOURCE = {
  title: 'Gebiedsindelingen 2025 (Bron: CBS, CC BY 4.0)',
  url: 'https://www.cbs.nl/',
} as const;

/** The data standard of the export, credited as its licence (CC BY-SA 4.0) asks. */
export const HSDS_CREDIT = {
  title: 'Human Services Data Specification: an Open Referral resource',
  url: 'https://openreferral.org/',
} as const;
