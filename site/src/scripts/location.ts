// The location page's small script (the page itself needs none): shows a favourite toggle per
// housing form and keeps the favourites in this browser (the shortlist of the region), and, when
// the person gave a place in the questionnaire of this region, says roughly how far the location
// is from it. Texts come in a JSON block of the page; nothing is sent except the postcode lookup.
// Opened from the results list, it shows the link back to that list (the page works without it).
import { haversineKm } from '../../../shared/geo/distance.ts';
import { fetchPostcode } from './lib/api-fetch.ts';
import { loadAdjustments, loadAnswers, loadShortlist, MAX_SHORTLIST, sameHousingForm, saveShortlist } from './lib/browser-store.ts';
import { readOpened } from './results/return-to.ts';
import { roundKm } from './shortlist/compared.ts';
import { fill, pluralForm } from './shortlist/dom.ts';

interface LocationTexts {
  intlLocale: string;
  save: string;
  saved: string;
  savedStatus: { one: string; other: string };
  removedStatus: string;
  full: string;
  notStored: string;
  distance: string;
}

/** The id a `#...` part names; a damaged escape (typed or cut off) names nothing rather than throwing. */
function fragmentId(hash: string): string {
  try {
    return decodeURIComponent(hash.slice(1));
  } catch {
    return '';
  }
}

const backLink = document.querySelector<HTMLElement>('[data-back-to-results]');
if (backLink) {
  backLink.hidden = readOpened(backLink.dataset.regionId ?? '')?.locationId !== backLink.dataset.locationId;
  // A result opens its housing form far down a long page: the way back is offered there too.
  const target = backLink.hidden || !location.hash ? null : document.getElementById(fragmentId(location.hash));
  if (target?.classList.contains('ww-housing-form')) {
    const near = backLink.cloneNode(true) as HTMLElement;
    near.removeAttribute('data-back-to-results');
    near.dataset.backNear = '';
    target.prepend(near);
  }
}

const root = document.querySelector<HTMLElement>('[data-location-page]');
const texts = readTexts();
if (root && texts) {
  setUpFavourites(root, texts);
  void showDistance(root, texts);
}

function readTexts(): LocationTexts | undefined {
  try {
    return JSON.parse(document.querySelector('script[data-location-texts]')?.textContent ?? 'null') as LocationTexts | undefined;
  } catch {
    return undefined;
  }
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
