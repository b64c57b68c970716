// The location page's small script (the page itself needs none): shows a favourite toggle per
// housing form and keeps the favourites in this browser (the shortlist of the region), and, when
// the person gave a place in the questionnaire of this region, says roughly how far the location
// is from it. Texts come in a JSON block of the page; nothing is sent except the postcode lookup.
// Opened from the results list (`?woonvorm=…`), it stays at its top, says there why that housing
// form fits this person or not (one compare request with the wishes kept in this browser), marks
// the housing form further down and offers the link back to the list (the page works without it),
// with the questions to put to the provider about what is unknown (printable). The waiting lists
// are read again from the API, so a page built before the provider's last save shows it anyway.
import type { Outcome } from '../../../shared/domain/criteria.ts';
import { haversineKm } from '../../../shared/geo/distance.ts';
import { questionsFor, wishText } from '../../../shared/i18n/criterion-text.ts';
import type { Locale } from '../../../shared/i18n/locales.ts';
import { telHref } from '../lib/tel-href.ts';
import { fetchPostcode } from './lib/api-fetch.ts';
import { refreshWaitingLists, type WaitingListTexts } from './location/fresh-waiting-lists.ts';
import { loadAdjustments, loadAnswers, loadShortlist, MAX_SHORTLIST, sameHousingForm, saveShortlist } from './lib/browser-store.ts';
import { loadCurrentWishes } from './lib/current-wishes.ts';
import { OPENED_PARAM, readOpened } from './results/return-to.ts';
import { compareShortlist, outcomeOf, roundKm, wishRows } from './shortlist/compared.ts';
import { el, fill, pluralForm, replaceChildren } from './shortlist/dom.ts';
import { readPageJson } from './lib/page-json.ts';

interface LocationTexts {
  locale: Locale;
  intlLocale: string;
  save: string;
  saved: string;
  savedStatus: { one: string; other: string };
  removedStatus: string;
  full: string;
  notStored: string;
  distance: string;
  whyTitle: string;
  whyIntro: string;
  whyFits: string;
  whyMisfits: string;
  whyUnknown: string;
  whyLink: string;
  whyUnavailable: string;
  openedMark: string;
  questionsTitle: string;
  questionsIntro: string;
  questionsCall: string;
  questionsPrint: string;
  /** The location's number, else its organisation's; absent when neither gives one. */
  phone?: string;
  waitingList: WaitingListTexts;
}

const root = document.querySelector<HTMLElement>('[data-location-page]');
const texts = readTexts();
const openedId = new URLSearchParams(location.search).get(OPENED_PARAM) ?? '';
/** The housing form a result opened, marked on the page; none when the page was not opened from a result. */
const opened = openedId === '' ? null : document.getElementById(`woonvorm-${openedId}`);

const backLink = document.querySelector<HTMLElement>('[data-back-to-results]');
if (backLink) {
  backLink.hidden = readOpened(backLink.dataset.regionId ?? '')?.locationId !== backLink.dataset.locationId;
  // The housing form a result opened is far down a long page: the way back is offered there too.
  if (!backLink.hidden && opened?.classList.contains('ww-housing-form')) {
    const near = backLink.cloneNode(true) as HTMLElement;
    near.removeAttribute('data-back-to-results');
    near.dataset.backNear = '';
    opened.prepend(near);
  }
}

if (root && texts) {
  void refreshWaitingLists(root.dataset.locationId ?? '', texts.intlLocale, texts.waitingList);
  setUpFavourites(root, texts);
  void showDistance(root, texts);
  if (opened?.classList.contains('ww-housing-form')) void showWhy(root.dataset.regionId ?? '', opened, texts);
}

function readTexts(): LocationTexts | undefined {
  return readPageJson<LocationTexts>('script[data-location-texts]');
}

function setUpFavourites(root: HTMLElement, texts: LocationTexts): void {
  const regionId = root.dataset.regionId ?? '';
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('button[data-favourite]')];
  const refOf = (button: HTMLButtonElement) => ({ locationId: button.dataset.locationId ?? '', housingFormId: button.dataset.housingFormId ?? '' });

  function show(): void {
    const shortlist = loadShortlist(regionId);
    for (const button of buttons) {
      const pressed = shortlist.some((entry) => sameHousingForm(entry, refOf(button)));
      button.setAttribute('aria-pressed', String(pressed));
      const label = button.querySelector('[data-label]');
      if (label) label.textContent = pressed ? texts.saved : texts.save;
      button.hidden = false;
    }
  }

  function say(button: HTMLButtonElement, message: string, withLink: boolean): void {
    const box = button.closest('[data-favourite-box]');
    const status = box?.querySelector<HTMLElement>('[data-favourite-status]');
    const link = box?.querySelector<HTMLElement>('[data-compare-link]');
    if (status) status.textContent = message;
    if (link) link.hidden = !withLink;
  }

  for (const button of buttons) {
    button.addEventListener('click', () => {
      const ref = refOf(button);
      const name = button.dataset.name ?? '';
      const shortlist = loadShortlist(regionId);
      const present = shortlist.some((entry) => sameHousingForm(entry, ref));
      if (!present && shortlist.length >= MAX_SHORTLIST) {
        say(button, fill(texts.full, { max: MAX_SHORTLIST }), true);
        return;
      }
      const next = present
        ? shortlist.filter((entry) => !sameHousingForm(entry, ref))
        : [...shortlist, { ...ref, name, locationName: button.dataset.locationName ?? '', addedAt: new Date().toISOString() }];
      if (!saveShortlist(regionId, next)) {
        say(button, texts.notStored, false);
        return;
      }
      show();
      say(button, present
        ? fill(texts.removedStatus, { name })
        : fill(pluralForm(texts.intlLocale, texts.savedStatus, next.length), { name, count: next.length }), next.length > 0);
    });
  }
  show();
  // Another tab may change the favourites.
  window.addEventListener('storage', show);
}

/** The place the person gave: a change on the results page wins over the questionnaire's answer. */
function placeOf(regionId: string): string | undefined {
  const adjusted = loadAdjustments(regionId).postcode;
  if (adjusted !== undefined) return adjusted.trim() || undefined;
  const answers = loadAnswers(regionId)?.answers ?? {};
  for (const answer of Object.values(answers)) {
    if (typeof answer?.postcode === 'string' && answer.postcode.trim() !== '') return answer.postcode.trim();
  }
  return undefined;
}

/** `line` is the distance paragraph under the address; it carries the location's point. */
async function showDistance(line: HTMLElement, texts: LocationTexts): Promise<void> {
  const lat = Number(line.dataset.lat);
  const lon = Number(line.dataset.lon);
  const postcode = placeOf(line.dataset.regionId ?? '');
  if (postcode === undefined || !Number.isFinite(lat) || !Number.isFinite(lon)) return;
  const answer = await fetchPostcode(postcode);
  // Without an answer the line stays away: the distance is a help, not something to wait for.
  if (!answer.ok) return;
  const km = roundKm(haversineKm(answer.value.point, { lat, lon }));
  line.textContent = fill(texts.distance, { km, postcode: answer.value.postcode });
  line.hidden = false;
}

/**
 * The opened housing form, marked where it stands, and at the top of the page how it answers each
 * of the person's wishes: what fits, what does not, and what to ask the provider.
 */
async function showWhy(regionId: string, form: HTMLElement, texts: LocationTexts): Promise<void> {
  const housingFormId = openedId;
  const locationId = root?.dataset.locationId ?? '';
  const name = form.querySelector('h2, h3')?.textContent?.trim() ?? '';
  form.classList.add('ww-housing-form--opened');
  form.prepend(el('p', { class: 'ww-opened-mark' }, texts.openedMark));
  const section = document.querySelector<HTMLElement>('[data-why]');
  const wishes = await loadCurrentWishes(regionId);
  if (!section || !wishes) return;
  const title = el('h2', { id: 'ww-why-title' }, fill(texts.whyTitle, { name }));
  const link = el('p', {}, el('a', { href: `#${form.id}` }, fill(texts.whyLink, { name })));
  const failed = () => {
    replaceChildren(section, title, el('p', {}, texts.whyUnavailable), link);
    section.hidden = false;
  };
  if (!wishes.ok) return failed();
  const rows = wishRows(wishes.value);
  if (rows.length === 0) return;
  const compared = await compareShortlist(regionId, [{ locationId, housingFormId, name, locationName: '', addedAt: '' }], wishes.value);
  const item = compared.ok ? compared.value.items[0] : undefined;
  if (!item) return failed();
  const groups: Array<[Outcome, string]> = [['match', texts.whyFits], ['mismatch', texts.whyMisfits], ['unknown', texts.whyUnknown]];
  replaceChildren(section, title, el('p', {}, texts.whyIntro),
    ...groups.map(([outcome, heading]) => {
      const wishesHere = rows.filter((row) => outcomeOf(item, row) === outcome);
      return wishesHere.length > 0 && el('div', { class: `ww-why__group ww-why__group--${outcome}` },
        el('h3', {}, heading),
        el('ul', {}, ...wishesHere.map((row) => el('li', {}, wishText(texts.locale, row)))));
    }),
    questionsBlock(questionsFor(texts.locale, rows.filter((row) => outcomeOf(item, row) === 'unknown')), texts),
    link);
  section.hidden = false;
}

/**
 * "Vragen voor deze aanbieder": one plain question per unknown wish, the number to call, and a
 * button that prints the page (this block at its top; print.css leaves the buttons off paper).
 */
function questionsBlock(questions: readonly string[], texts: LocationTexts): HTMLElement | false {
  if (questions.length === 0) return false;
  const print = el('button', { type: 'button', class: 'ww-button ww-button--secondary' }, texts.questionsPrint);
  print.addEventListener('click', () => window.print());
  return el('div', { class: 'ww-questions', 'data-questions': true },
    el('h3', {}, texts.questionsTitle),
    el('p', {}, texts.questionsIntro),
    el('ol', {}, ...questions.map((question) => el('li', {}, question))),
    texts.phone !== undefined && el('p', {}, `${texts.questionsCall} `, el('a', { href: telHref(texts.phone) }, texts.phone)),
    print);
}
