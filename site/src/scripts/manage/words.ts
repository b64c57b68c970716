// Putting the portal's values into words: counts with plurals, dates and date-times as in the
// Netherlands (the supporter's pages use these too), any field's value in plain words (codes by their labels, yes/no/unknown), and which
// fields differ between two versions of a thing (for the conflict comparison and the history).
import { parseDate } from '../../../../shared/i18n/dates.ts';
import { fill, pluralForm } from '../shortlist/dom.ts';
import type { ManagePageData } from './page-data.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function count(data: Pick<ManagePageData, 'intlLocale'>, forms: { one: string; other: string }, n: number, values: Record<string, string | number> = {}): string {
  return fill(pluralForm(data.intlLocale, forms, n), { ...values, count: new Intl.NumberFormat(data.intlLocale).format(n) });
}

export function dateInWords(data: Pick<ManagePageData, 'intlLocale'>, iso: string): string {
  return new Intl.DateTimeFormat(data.intlLocale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(parseDate(iso));
}

export function dateTimeInWords(data: Pick<ManagePageData, 'intlLocale'>, iso: string): string {
  return new Intl.DateTimeFormat(data.intlLocale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(parseDate(iso));
}

/** Whole days since a date, as the attention counts them. */
export function daysSince(iso: string, now = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - parseDate(iso).getTime()) / DAY_MS));
}

/**
 * The half of a sign-in message in the page's language: the sign-in's refusals are written
 * "Dutch. / English." (functions/accounts/account-errors.ts), and say how many tries are left.
 */
export function inPageLanguage(data: ManagePageData, message: string): string {
  const [nl, en] = message.split(' / ');
  return (data.locale === 'en' ? en : nl) ?? message;
}

function codeTable(data: ManagePageData, path: string): Record<string, string> | undefined {
  const labels = data.codeLabels;
  const tables: Record<string, Record<string, string>> = {
    type: labels.housingTypes, sectors: labels.sectors, careProfiles: labels.careProfiles, deliveryForms: labels.deliveryForms,
    targetGroups: labels.targetGroups, worldview: labels.worldviews, cultures: labels.cultures, communities: labels.communities,
    facilities: labels.facilities, languages: data.languages, 'waitingList.status': labels.waitingListStatuses,
    dayActivities: labels.dayActivities,
  };
  return tables[path];
}

export function valueInWords(data: ManagePageData, path: string, value: unknown): string {
  const m = data.texts;
  if (value === undefined || value === null || value === '') return m.history.unknownValue;
  if (typeof value === 'boolean') return value ? m.form.yes : m.form.no;
  const table = codeTable(data, path);
  if (Array.isArray(value)) return value.length === 0 ? m.form.none : value.map((code) => table?.[String(code)] ?? String(code)).join(', ');
  if (path === 'waitingList.updatedAt' && typeof value === 'string') return dateTimeInWords(data, value);
  return table?.[String(value)] ?? String(value);
}

/** Leaves of a nested value by dotted path; lists are leaves. */
export function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out);
  } else if (prefix) {
    out[prefix] = value;
  }
  return out;
}

/** The paths whose values differ, in the order of `labels` (the order of the form); unnamed ones left out. */
export function differences(labels: Record<string, string>, a: unknown, b: unknown): string[] {
  const left = flatten(a);
  const right = flatten(b);
  return Object.keys(labels).filter((path) => JSON.stringify(left[path]) !== JSON.stringify(right[path]));
}
