// What an easy-read page with a script of its own hands that script at build time, as one JSON
// block: the texts of the page's language, the pictogram of each kind of home and of each fact and
// outcome, the addresses it links to; on the results page also the words and pictogram of every
// wish the questionnaire can give (keyed as the site keys wishes). Texts come this way rather than
// by importing shared/i18n, which would cost the page budget.
import type { Messages } from '../../../../shared/i18n/nl.ts';
import { readPageJson } from '../lib/page-json.ts';

export interface EasyPageData {
  regionId: string;
  intlLocale: string;
  texts: Messages['easyRead'];
  /** Housing type code → pictogram address. */
  housingTypes: Record<string, string>;
  pictograms: Record<'distance' | 'place' | 'match' | 'mismatch' | 'unknown' | 'speak' | 'save' | 'saved', string>;
  /** `location` with `{locationId}` to fill in (the easy-read location page). */
  paths: { location: string };
}

export interface EasyResultsData extends EasyPageData {
  /** criterionKey → pictogram address and the easy-read words of the answer that gives it. */
  criteria: Record<string, { src: string; text: string }>;
}

export function readEasyPageData<T extends EasyPageData = EasyPageData>(): T | undefined {
  return readPageJson<T>('script[data-easy-page-data]');
}

/** The easy-read page of a location, from the page data's pattern. */
export function easyLocationHref(data: EasyPageData, locationId: string): string {
  return data.paths.location.replace('{locationId}', encodeURIComponent(locationId));
}
