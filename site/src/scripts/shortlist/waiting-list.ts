// A favourite's waiting list in words for the compare and report pages: status, weeks or free
// places, the date it was confirmed and, past 30 days, that it may be outdated (DOMAIN.md).
import type { WaitingList } from '../../../../shared/domain/listing.ts';
import { codeLabels } from '../../../../shared/i18n/code-labels.ts';
import { INTL_LOCALE } from '../../../../shared/i18n/locales.ts';
import { STALE_AFTER_DAYS } from '../../lib/waiting-list.ts';
import { el, fill, pluralForm } from './dom.ts';
import type { ShortlistPageData } from './page-data.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** "2026-11-12" is read as midday UTC, so the calendar day is the same in every time zone. */
function parseDay(value: string): Date {
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
}

export function dateInWords(data: ShortlistPageData, date: Date): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[data.locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(date);
}

export function waitingListBlock(data: ShortlistPageData, waitingList: WaitingList, now = new Date()): HTMLElement {
  const m = data.texts.location;
  const intl = INTL_LOCALE[data.locale];
  const count = (forms: { one: string; other: string }, n: number) => fill(pluralForm(intl, forms, n), { count: n });
  const stale = now.getTime() - parseDay(waitingList.updatedAt).getTime() > STALE_AFTER_DAYS * DAY_MS;
  return el('div', { class: 'ww-compare-waiting' },
    el('span', { class: `ww-status ww-status--${waitingList.status}` }, codeLabels[data.locale].waitingListStatuses[waitingList.status]),
    waitingList.placesAvailable !== undefined && el('span', { class: 'ww-compare-line' }, count(m.placesAvailable, waitingList.placesAvailable)),
    waitingList.weeks !== undefined && el('span', { class: 'ww-compare-line' }, count(m.waitingWeeks, waitingList.weeks)),
    el('span', { class: 'ww-compare-line' }, fill(m.confirmedOn, { date: dateInWords(data, parseDay(waitingList.updatedAt)) })),
    stale && el('span', { class: 'ww-compare-line ww-compare-stale' }, el('strong', {}, m.staleLabel), ' ', m.stale),
  );
}
