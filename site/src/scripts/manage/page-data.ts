// What the portal page hands its script at build time, as one JSON block (ManagePage.astro): the
// texts of its language (with the report's words, for the inbox), the plain names of fields and codes (for the overview, the conflict
// comparison and the history) and the names of the address's parameters in that language.
import type { CodeLabels } from '../../../../shared/i18n/code-labels.ts';
import type { Locale } from '../../../../shared/i18n/locales.ts';
import type { Messages } from '../../../../shared/i18n/nl.ts';
import { readPageJson } from '../lib/page-json.ts';

export type ReportWord = 'wishesTitle' | 'wishGroups' | 'noWishes' | 'placeTitle' | 'place' | 'maxDistance' | 'noMaxDistance' | 'noPlace'
  | 'filledBy' | 'situationTitle' | 'noSituation' | 'ownWordsTitle' | 'noOwnWords' | 'shortlistTitle' | 'noShortlist';

export interface ManagePageData {
  locale: Locale;
  intlLocale: string;
  texts: Messages['manage'];
  /** Field path (`waitingList.weeks`) → its name in plain words. */
  fieldLabels: Record<string, string>;
  codeLabels: Omit<CodeLabels, 'deliveryFormExplanations'>;
  /** The languages offered as checkboxes, code → name. */
  languages: Record<string, string>;
  /** The address's parameter names and view names, in the page's language. */
  params: Record<'organization' | 'location' | 'housingForm' | 'view' | 'edit' | 'history' | 'create' | 'spreadsheet' | 'colleagues' | 'inbox' | 'share', string>;
  /** The citizen's "my report" words, so a shared report reads the same in the inbox. */
  report: Pick<Messages['report'], ReportWord> & Pick<Messages['shortlist'], 'fits' | 'doesNotFit' | 'askProvider'>;
  /** Region id → its name, for the inbox. */
  regions: Record<string, string>;
  /**
   * The API's limits the page keeps to: a request's body in bytes, housing forms confirmed per
   * request, photos a location shows and a photo's bytes.
   */
  limits: { bodyBytes: number; confirmations: number; photos: number; photoBytes: number };
}

export function readPageData(): ManagePageData | undefined {
  return readPageJson<ManagePageData>('script[data-manage-data]');
}
