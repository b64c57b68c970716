// The location page's waiting lists, read again when the page opens: a static page may be minutes
// (or, when a rebuild failed, longer) behind the provider's last save, and a waiting list decides
// whether a choice is real. Each housing form's state is asked of the public API and put in place
// of the build-time state, with a line saying it was just fetched; a housing form the API no longer
// has says so. Without an answer the build-time state stays, with the day it was built.
import type { WaitingListStatus } from '../../../../shared/domain/codes.ts';
import type { WaitingList } from '../../../../shared/domain/listing.ts';
import { isWaitingListStale } from '../../../../shared/domain/waiting-list-age.ts';
import { formatDateIn } from '../../../../shared/i18n/dates.ts';
import { api, apiFetch } from '../lib/api-fetch.ts';
import { el, fill, pluralForm, replaceChildren } from '../shortlist/dom.ts';

export interface WaitingListTexts {
  statuses: Record<WaitingListStatus, string>;
  placesAvailable: { one: string; other: string };
  waitingWeeks: { one: string; other: string };
  confirmedOn: string;
  staleLabel: string;
  stale: string;
  checkedNow: string;
  gone: string;
}

export async function refreshWaitingLists(locationId: string, intlLocale: string, texts: WaitingListTexts): Promise<void> {
  const blocks = [...document.querySelectorAll<HTMLElement>('[data-waiting-list]')];
  if (blocks.length === 0) return;
  const answer = await apiFetch((options) => api.locations[':locationId'].$get({ param: { locationId } }, options));
  if (!answer.ok) return;
  const current = new Map(answer.value.housingForms.map((form) => [form.id, form.waitingList]));
  const now = new Date();
  for (const block of blocks) {
    const housingFormId = block.dataset.waitingList ?? '';
    const state = block.querySelector('[data-waiting-list-state]');
    const source = block.querySelector('[data-waiting-list-source]');
    const waitingList = current.get(housingFormId);
    if (!state || !source) continue;
    if (!waitingList) {
      replaceChildren(state, el('p', { class: 'ww-alert' }, texts.gone));
      source.remove();
      continue;
    }
    replaceChildren(state, ...stateOf(waitingList, now, intlLocale, texts));
    source.textContent = texts.checkedNow;
    const toc = document.querySelector(`[data-toc-status="${CSS.escape(housingFormId)}"]`);
    if (toc) replaceChildren(toc, statusOf(waitingList.status, texts));
  }
}

/** As WaitingList.astro renders it, measured against now instead of the build's day. */
function stateOf(waitingList: WaitingList, now: Date, intlLocale: string, texts: WaitingListTexts): HTMLElement[] {
  const count = (forms: { one: string; other: string }, n: number) => fill(pluralForm(intlLocale, forms, n), { count: n });
  const details = [
    waitingList.placesAvailable !== undefined && el('li', {}, count(texts.placesAvailable, waitingList.placesAvailable)),
    waitingList.weeks !== undefined && el('li', {}, count(texts.waitingWeeks, waitingList.weeks)),
  ].filter((item): item is HTMLLIElement => item !== false);
  const date = formatDateIn(intlLocale, waitingList.updatedAt);
  return [
    el('p', {}, statusOf(waitingList.status, texts)),
    ...(details.length > 0 ? [el('ul', {}, ...details)] : []),
    el('p', {}, fill(texts.confirmedOn, { date })),
    ...(isWaitingListStale(waitingList.updatedAt, now) ? [el('p', { class: 'ww-alert' }, el('strong', {}, texts.staleLabel), ` ${texts.stale}`)] : []),
  ];
}

function statusOf(status: WaitingListStatus, texts: WaitingListTexts): HTMLElement {
  return el('span', { class: `ww-status ww-status--${status}` }, texts.statuses[status]);
}
