// "Mijn keuzes" in easy read: the places the person kept (the region's favourites in this browser,
// the same shortlist as the ordinary pages), each as a picture card with what kind of home, where
// and whether there is a place as the API says now, read aloud, leading to the location's easy-read
// page, with "Niet meer bewaren". A favourite whose home is gone says so. Nothing is sent but the
// location ids the cards need.
import type { LocationDetail } from '../../../../shared/domain/views.ts';
import { api, apiFetch } from '../lib/api-fetch.ts';
import { loadShortlist, type ShortlistEntry } from '../lib/browser-store.ts';
import { fill, pluralForm } from '../shortlist/dom.ts';
import { pictureCard, type CardFact } from './cards.ts';
import { easyLocationHref, readEasyPageData, type EasyPageData } from './page-data.ts';
import { easyPlace } from './place.ts';
import { setUpReadAloud } from './read-aloud.ts';
import { saveToggle } from './save-toggle.ts';

setUpReadAloud();
const root = document.querySelector<HTMLElement>('[data-easy-choices]');
const pageData = readEasyPageData();
if (root && pageData) void show(root, pageData);

async function show(root: HTMLElement, data: EasyPageData): Promise<void> {
  const e = data.texts;
  const status = root.querySelector<HTMLElement>('[data-status]');
  const list = root.querySelector<HTMLElement>('[data-choice-list]');
  const none = root.querySelector<HTMLElement>('[data-no-choices]');
  const errorBox = root.querySelector<HTMLElement>('[data-error]');
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  const count = () => {
    const kept = loadShortlist(data.regionId).length;
    say(kept === 0 ? e.choicesNone : fill(pluralForm(data.intlLocale, e.choicesCount, kept), { count: kept }));
  };

  const entries = loadShortlist(data.regionId);
  if (entries.length === 0) {
    say(e.choicesNone);
    if (none) none.hidden = false;
    return;
  }
  say(e.choicesLoading);
  const locationIds = [...new Set(entries.map((entry) => entry.locationId))];
  const answers = await Promise.all(locationIds.map((locationId) => apiFetch((options) => api.locations[':locationId'].$get({ param: { locationId } }, options))));
  // A home taken off the site answers 404: its card says so. Any other failure: try again later.
  if (answers.some((answer) => !answer.ok && answer.kind !== 'not-found')) {
    say(e.resultsError);
    if (errorBox) errorBox.hidden = false;
    return;
  }
  const details = new Map<string, LocationDetail>();
  answers.forEach((answer, i) => {
    if (answer.ok) details.set(locationIds[i] ?? '', answer.value);
  });
  const now = new Date();
  list?.replaceChildren(...entries.map((entry, i) => card(entry, i, details.get(entry.locationId), now)));
  count();

  function card(entry: ShortlistEntry, index: number, detail: LocationDetail | undefined, asOf: Date): HTMLLIElement {
    const form = detail?.housingForms.find((candidate) => candidate.id === entry.housingFormId);
    const facts: CardFact[] = detail && form
      ? [
          { src: data.housingTypes[form.type] ?? data.pictograms.place, label: e.kindOfHome, text: e.housingTypes[form.type] },
          { src: data.pictograms.distance, label: e.near, text: fill(e.inCity, { city: detail.location.address.city }) },
          { src: data.pictograms.place, label: e.place, text: easyPlace(e, form.waitingList, asOf, data.intlLocale).text },
        ]
      : [{ src: data.pictograms.unknown, label: e.place, text: e.choicesGone }];
    const name = form?.name ?? entry.name;
    return pictureCard(data, {
      id: `ww-easy-choice-${index + 1}`,
      heading: `${name}, ${detail?.location.name ?? entry.locationName}`,
      name,
      facts,
      href: easyLocationHref(data, entry.locationId),
      save: saveToggle(data, { locationId: entry.locationId, housingFormId: entry.housingFormId, name: entry.name, locationName: entry.locationName }, count),
    });
  }
}
