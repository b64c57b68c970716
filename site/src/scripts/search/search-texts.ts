// The words the search page's script shows, given by the page in its own language (the message
// files stay out of the browser), and the little plural helper they need.
import type { HousingType, WaitingListStatus } from '../../../../shared/domain/codes.ts';
import { fill, pluralForm } from '../shortlist/dom.ts';
import { readPageJson } from '../lib/page-json.ts';

interface PluralForms {
  one: string;
  other: string;
}

export interface SearchTexts {
  intlLocale: string;
  count: PluralForms;
  shown: string;
  none: string;
  loading: string;
  chosen: string;
  showList: string;
  showHits: PluralForms;
  showNone: string;
  errorUnavailable: string;
  /** The button under errorUnavailable. */
  retry: string;
  errorInvalid: string;
  errorNotFound: string;
  location: string;
  organization: string;
  city: string;
  type: string;
  waitingList: string;
  /** The label of a hit's region, and its value for a region other than the page's ({region}). */
  region: string;
  otherRegion: string;
  waitingWeeks: PluralForms;
  housingTypes: Record<HousingType, string>;
  statuses: Record<WaitingListStatus, string>;
  /** The address of a location page, with {id} for its id. */
  locationPath: string;
}

export function readTexts(): SearchTexts | undefined {
  return readPageJson<SearchTexts>('script[data-search-texts]');
}

export function pluralText(texts: SearchTexts, forms: PluralForms, count: number): string {
  return fill(pluralForm(texts.intlLocale, forms, count), { count: new Intl.NumberFormat(texts.intlLocale).format(count) });
}
