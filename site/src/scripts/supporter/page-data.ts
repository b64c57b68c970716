// What the supporter's page hands its script at build time (SupporterPage.astro), and what the
// script's views share at run time: where one is (the address), the signed-in supporter's
// organisation, and the ways to speak to the person (a status line, an alert) and to move on.
import type { QuestionKind } from '../../../../shared/questionnaire/schema.ts';
import type { Locale } from '../../../../shared/i18n/locales.ts';
import type { Messages } from '../../../../shared/i18n/nl.ts';
import type { ApiOutcome } from '../lib/api-fetch.ts';
import type { Me } from '../manage/staff-api.ts';
import type { SupportOrganization } from './supporter-api.ts';
import { readPageJson } from '../lib/page-json.ts';

/** A question of a region's questionnaire in the page's words, to put saved answers into words. */
export interface PlainQuestion {
  id: string;
  text: string;
  kind: QuestionKind;
  /** Option id → its text (choice questions). */
  options?: Record<string, string>;
  unit?: string;
}

export interface SupporterPageData {
  locale: Locale;
  intlLocale: string;
  texts: Messages['supporter'];
  /** Region id → its name, its care providers (id, name) and its questions. */
  regions: Record<string, { name: string; providers: Array<{ id: string; name: string }>; questions: PlainQuestion[] }>;
  /** The address's parameter names in the page's language. */
  params: Record<'organization' | 'dossier' | 'consent' | 'status', string>;
  /** The portal, where one signs in. */
  portal: string;
  /** Together mode's page; `?dossier=<id>` is added. */
  together: string;
}

/** Where one is: the support organisation, and within it a dossier and perhaps one of its consents' forms. */
export interface Place {
  organizationId?: string;
  dossierId?: string;
  consentId?: string;
  status?: string;
}

export interface SupporterContext {
  data: SupporterPageData;
  me: Me;
  organization: SupportOrganization;
  place: Place;
  announce(text: string): void;
  alert(text: string): void;
  href(place: Place): string;
  /** Goes to a place (a new history entry) and shows it; the message is announced there. */
  go(place: Place, message?: string): void;
  /** Says what went wrong for the kinds every call shares (signed out, no access, gone, unreachable). */
  failed(outcome: ApiOutcome<unknown> & { ok: false }): void;
  /** Shows a view by name; focus moves to its heading when asked. */
  showView(name: string, focus: boolean): void;
}

export function readPageData(): SupporterPageData | undefined {
  return readPageJson<SupporterPageData>('script[data-supporter-data]');
}

/** A care provider's name from any region's list (a consent may outlive a region change), else its id. */
export function providerName(data: SupporterPageData, organizationId: string): string {
  for (const region of Object.values(data.regions)) {
    const found = region.providers.find((provider) => provider.id === organizationId);
    if (found) return found.name;
  }
  return organizationId;
}
