// The easy-read location page's script: read-aloud, "Bewaar deze plek" in each housing form's
// block, and the places read again from the API when the page opens (a page is built minutes
// after a provider's save, and a state turns "we do not know" after 30 days even when nothing is
// saved). Without an answer the words as built stay.
import { api, apiFetch } from '../lib/api-fetch.ts';
import { easyPlace } from './place.ts';
import { readEasyPageData, type EasyPageData } from './page-data.ts';
import { setUpReadAloud } from './read-aloud.ts';
import { saveToggle } from './save-toggle.ts';

setUpReadAloud();
const root = document.querySelector<HTMLElement>('[data-easy-location]');
const pageData = readEasyPageData();
if (root && pageData) {
  const blocks = [...root.querySelectorAll<HTMLElement>('[data-housing-form-id]')];
  for (const block of blocks) addSave(block, root, pageData);
  void refreshPlaces(root.dataset.locationId ?? '', blocks, pageData);
}

function addSave(block: HTMLElement, root: HTMLElement, data: EasyPageData): void {
  const slot = block.querySelector('[data-easy-save-slot]');
  slot?.replaceWith(saveToggle(data, {
    locationId: root.dataset.locationId ?? '',
    housingFormId: block.dataset.housingFormId ?? '',
    name: block.dataset.housingFormName ?? '',
    locationName: root.dataset.locationName ?? '',
  }));
}

async function refreshPlaces(locationId: string, blocks: HTMLElement[], data: EasyPageData): Promise<void> {
  const answer = await apiFetch((options) => api.locations[':locationId'].$get({ param: { locationId } }, options));
  if (!answer.ok) return;
  const current = new Map(answer.value.housingForms.map((form) => [form.id, form.waitingList]));
  const now = new Date();
  for (const block of blocks) {
    const place = document.getElementById(`${block.id}-place`);
    const since = document.getElementById(`${block.id}-since`);
    const waitingList = current.get(block.dataset.housingFormId ?? '');
    if (!place || !since) continue;
    if (!waitingList) {
      place.textContent = data.texts.choicesGone;
      since.closest('li')?.remove();
      continue;
    }
    const fresh = easyPlace(data.texts, waitingList, now, data.intlLocale);
    place.textContent = fresh.text;
    since.textContent = fresh.since;
  }
}
