// A favourite's waiting list in words for the compare and report pages: status, weeks or free
// places, and the date it was confirmed, past 30 days as "Misschien verouderd: bevestigd op …"
// (docs/domain.md), with the note explaining that once per page, as on the results page. "Past 30
// days" is measured from the compare answer's `asOf` (the moment the API judged the reasons at),
// never from the browser's clock, so the line and the reasons beside it cannot disagree.
import type { WaitingList } from '../../../../shared/domain/listing.ts';
import { codeLabels } from '../../../../shared/i18n/code-labels.ts';
import { INTL_LOCALE } from '../../../../shared/i18n/locales.ts';
import { isWaitingListStale } from '../../../../shared/domain/waiting-list-age.ts';
import { parseDate } from '../../../../shared/i18n/dates.ts';
import { el, fill, pluralForm } from './dom.ts';
import type { ShortlistPageData } from './page-data.ts';

export function dateInWords(data: ShortlistPageData, date: Date): string {
  return new Intl.DateTimeFormat(INTL_LOCALE[data.locale], { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(date);
}

/** "Staat er bij een plek “Misschien verouderd”? …", once on the page when a shown favourite is. */
export function staleNote(data: ShortlistPageData, waitingLists: readonly WaitingList[], asOf: Date): HTMLElement | false {
  return waitingLists.some((list) => isWaitingListStale(list.updatedAt, asOf)) && el('p', { class: 'ww-compare-stale-note' }, data.texts.shortlist.staleNote);
}

export function waitingListBlock(data: ShortlistPageData, waitingList: WaitingList, asOf: Date): HTMLElement {
  const m = data.texts.location;
  const intl = INTL_LOCALE[data.locale];
  const count = (forms: { one: string; other: string }, n: number) => fill(pluralForm(intl, forms, n), { count: n });
  const stale = isWaitingListStale(waitingList.updatedAt, asOf);
  const date = dateInWords(data, parseDate(waitingList.updatedAt));
  return el('div', { class: 'ww-compare-waiting' },
    el('span', { class: `ww-status ww-status--${waitingList.status}` }, codeLabels[data.locale].waitingListStatuses[waitingList.status]),
    waitingList.placesAvailable !== undefined && el('span', { class: 'ww-compare-line' }, count(m.placesAvailable, waitingList.placesAvailable)),
    waitingList.weeks !== undefined && el('span', { class: 'ww-compare-line' }, count(m.waitingWeeks, waitingList.weeks)),
    // Past 30 days one line, as on the results cards; the page explains it once (staleNote).
    stale
      ? el('span', { class: 'ww-compare-line ww-compare-stale' }, fill(data.texts.shortlist.staleShort, { date }))
      : el('span', { class: 'ww-compare-line' }, fill(m.confirmedOn, { date })),
  );
}
