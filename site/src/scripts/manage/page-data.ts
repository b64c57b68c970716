// What the portal page hands its script at build time, as one JSON block (ManagePage.astro): the
// texts of its language, the plain names of fields and codes (for the overview, the conflict
// comparison and the history) and the names of the address's parameters in that language.
import type { CodeLabels } from '../../../../shared/i18n/code-labels.ts';
import type { Locale } from '../../../../shared/i18n/locales.ts';
import type { Messages } from '../../../../shared/i18n/nl.ts';

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
  params: Record<'organization' | 'location' | 'housingForm' | 'view' | 'edit' | 'history' | 'create' | 'spreadsheet' | 'colleagues', string>;
  /**
   * The API's limits the page keeps to: a request's body in bytes, housing forms confirmed per
   * request, photos a location shows and a photo's bytes.
   */
  limits: { bodyBytes: number; confirmations: number; photos: number; photoBytes: number };
}

export function readPageData(): ManagePageData | undefined {
  try {
    return JSON.parse(document.querySelector('script[data-manage-data]')?.textContent ?? 'null') as ManagePageData | undefined;
  } catch {
    return undefined;
  }
}
