// What the compare and report pages hand their scripts at build time, as one JSON block
// (ShortlistData.astro): the texts of the page's language, the region, the addresses to link to
// and, for the report, the questionnaire's free-text questions and the providers' contact details.
// Texts come this way rather than by importing shared/i18n, which holds every text of both languages.
import type { Locale } from '../../../../shared/i18n/locales.ts';
import type { Messages } from '../../../../shared/i18n/nl.ts';
import { readPageJson } from '../lib/page-json.ts';

export interface OrganizationContact {
  name: string;
  phone?: string;
  email?: string;
  website?: string;
}

export interface ShortlistPageData {
  locale: Locale;
  regionId: string;
  regionName: string;
  texts: {
    shortlist: Messages['shortlist'];
    compare: Messages['compare'];
    report: Messages['report'];
    common: Pick<Messages['common'], 'yes' | 'no' | 'unknown'>;
    location: Pick<Messages['location'], 'confirmedOn' | 'stale' | 'staleLabel' | 'groupSizeValue' | 'waitingWeeks' | 'placesAvailable'>;
  };
  paths: {
    questionnaire: string;
    results: string;
    search: string;
    region: string;
    compare: string;
    report: string;
    /** With `{locationId}` to fill in. */
    location: string;
  };
  /**
   * Report only: the free-text questions and the choice questions that are not wishes, in
   * questionnaire order; `options` (option id to its text) marks a choice question.
   */
  freeTextQuestions: { id: string; text: string; options?: Record<string, string> }[];
  /** Report only: contact details by organisation id. */
  organizations: Record<string, OrganizationContact>;
}

export function readPageData(): ShortlistPageData | undefined {
  return readPageJson<ShortlistPageData>('script[data-shortlist-page]');
}
