// What the results page hands its script at build time, as one JSON block (ResultsPage.astro):
// the texts of the page's language, the addresses to link to, the questionnaire's question texts
// (to name an answer the API could not use) and the point of every location in the region (for the
// map). Texts come this way rather than by importing shared/i18n, which holds every text of both
// languages and would cost the page budget.
import type { Locale } from '../../../../shared/i18n/locales.ts';
import type { Messages } from '../../../../shared/i18n/nl.ts';
import type { PostcodeRegionData } from '../lib/postcode-region.ts';
import { readPageJson } from '../lib/page-json.ts';

export interface ResultsPageData {
  locale: Locale;
  intlLocale: string;
  regionId: string;
  regionName: string;
  texts: {
    results: Messages['results'];
    shortlist: Pick<Messages['shortlist'], 'save' | 'saved' | 'savedStatus' | 'removedStatus' | 'full' | 'notStored' | 'compareLink'>;
    location: Pick<Messages['location'], 'confirmedOn' | 'waitingWeeks' | 'placesAvailable'>;
  };
  paths: {
    /** With `{locationId}` to fill in. */
    location: string;
    compare: string;
  };
  /** Question id → question text, for answers the API could not use. */
  questions: Record<string, string>;
  /** The distances the questionnaire offers (km). */
  distances: number[];
  /** Location id → [lat, lon]. */
  points: Record<string, [number, number]>;
  /** Where a postcode in another region lies, and the way to that region's questions. */
  postcodeRegions: PostcodeRegionData;
}

export function readPageData(): ResultsPageData | undefined {
  return readPageJson<ResultsPageData>('script[data-results-data]');
}
