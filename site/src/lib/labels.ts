// Small helpers that turn listing values into words and links for the pages: code labels, the
// website address as people read it, phone links.
import { codeLabels, type CodeLabels, type Locale } from '../../../shared/i18n/index.ts';

/** Labels of the codes in a list, in the list's order. */
export function labelsOf<K extends keyof CodeLabels>(locale: Locale, set: K, codes: readonly (keyof CodeLabels[K])[]): string[] {
  const labels: CodeLabels[K] = codeLabels[locale][set];
  return codes.map((code) => String(labels[code]));
}

/** "www.example.nl/wonen" for "https://www.example.nl/wonen/". */
export function readableUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

export { telHref } from './tel-href.ts';
