// Interface texts and the small helpers that fill them in: one import for the site (and later the
// API's e-mails or reports). Pure: no node:, no astro.
import { en } from './en.ts';
import { nl, type Messages } from './nl.ts';
import { INTL_LOCALE, type Locale } from './locales.ts';
import { formatDateIn, parseDate } from './dates.ts';

export { LOCALES, DEFAULT_LOCALE, INTL_LOCALE, isLocale, type Locale } from './locales.ts';
export { codeLabels, languageName, type CodeLabels } from './code-labels.ts';
export type { Messages } from './nl.ts';

export const messages: Record<Locale, Messages> = { nl, en };

/** The texts of one interface language. */
export function t(locale: Locale): Messages {
  return messages[locale];
}

/** A text with plural forms, as in the message files. */
export interface PluralForms {
  one: string;
  other: string;
}

/** Replaces `{name}` in a template; a missing value is an error in the caller, so it throws. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`No value for {${name}} in "${template}"`);
    return typeof value === 'number' ? String(value) : value;
  });
}

/** Picks the plural form for `count` and fills in `{count}` (and any other values). */
export function plural(locale: Locale, forms: PluralForms, count: number, values: Record<string, string | number> = {}): string {
  const form = new Intl.PluralRules(INTL_LOCALE[locale]).select(count) === 'one' ? forms.one : forms.other;
  return fill(form, { ...values, count: new Intl.NumberFormat(INTL_LOCALE[locale]).format(count) });
}

/** "Tuin, Restaurant en Kapper" / "Garden, Restaurant and Hairdresser". */
export function formatList(locale: Locale, items: readonly string[]): string {
  return new Intl.ListFormat(INTL_LOCALE[locale], { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * A calendar date in words: "12 november 2026" / "12 November 2026". Accepts "2026-11-12" or an
 * ISO date-time; shown as the date in the Netherlands.
 */
export function formatDate(locale: Locale, isoDate: string): string {
  return formatDateIn(INTL_LOCALE[locale], isoDate);
}

export { parseDate };
export { featureAnswer, featureName, wishText, importanceText, outcomeText, type FeatureAnswer, type WishLike } from './criterion-text.ts';
