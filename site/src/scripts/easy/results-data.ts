// What the easy-read results page hands its script at build time, as one JSON block: the texts of
// the page's language, the words and pictogram of every wish the questionnaire can give (keyed as
// the site keys wishes), the pictogram of each kind of home and of each outcome. Texts come this
// way rather than by importing shared/i18n, which would cost the page budget.
import type { Messages } from '../../../../shared/i18n/nl.ts';

export interface EasyResultsData {
  regionId: string;
  intlLocale: string;
  texts: Messages['easyRead'];
  /** criterionKey → pictogram address and the easy-read words of the answer that gives it. */
  criteria: Record<string, { src: string; text: string }>;
  /** Housing type code → pictogram address. */
  housingTypes: Record<string, string>;
  pictograms: Record<'distance' | 'place' | 'match' | 'mismatch' | 'unknown' | 'speak', string>;
  /** With `{locationId}` to fill in. */
  paths: { location: string };
}

export function readEasyResultsData(): EasyResultsData | undefined {
  try {
    return JSON.parse(document.querySelector('script[data-easy-results-data]')?.textContent ?? 'null') as EasyResultsData | undefined;
  } catch {
    return undefined;
  }
}
